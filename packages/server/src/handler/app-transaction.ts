/**
 * The app's transaction for a step-up, as `getTransaction` describes it, checked before anything
 * is signed or sent: what the user will read must be what CENTAGATE signs. A view or value that
 * fails the protocol's declaration (text with control, format, bidi or zero-width characters or
 * line breaks, lengths, or a view of another id) is refused as `transaction_invalid` naming the
 * fields, never passed on to CENTAGATE and the browser.
 */
import {
  type TransactionView,
  transactionValueSchema,
  transactionViewSchema,
} from '@centagate-kit/protocol'
import { issueFields } from '../http/invalid-input'
import { KitFailure } from '../http/kit-failure'
import type { RouteContext } from './runtime'

export interface AppTransaction {
  view: TransactionView
  value?: string
}

/**
 * The transaction `id` as the app describes it.
 * @throws KitFailure `transaction_not_found` (none, or no `getTransaction`), `transaction_invalid`.
 */
export async function appTransaction(context: RouteContext, id: string): Promise<AppTransaction> {
  const { runtime } = context
  const found =
    runtime.config.getTransaction === undefined
      ? null
      : await runtime.config.getTransaction(context.request.webRequest(), id)
  if (found === null) throw new KitFailure('transaction_not_found')
  const view = transactionViewSchema.safeParse(found.view)
  const value =
    found.value === undefined ? undefined : transactionValueSchema.safeParse(found.value)
  const fields = [
    ...(view.success ? (view.data.id === id ? [] : ['id']) : issueFields(view.error.issues)),
    ...(value === undefined || value.success ? [] : ['value']),
  ]
  if (!view.success || fields.length > 0) {
    // The app's data, not the user's input: the operator needs to know which field (never its text).
    runtime.logger.warn('getTransaction returned a transaction the kit cannot show', {
      requestId: context.requestId,
      fields,
    })
    throw new KitFailure('transaction_invalid', { fields })
  }
  return { view: view.data, ...(value?.success === true ? { value: value.data } : {}) }
}
