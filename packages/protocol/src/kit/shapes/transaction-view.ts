/** A transaction as the app's `getTransaction` describes it: what the user signs. */
import { array, object, text } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { displayText } from './display-text'
import { transactionId } from './fields'

/**
 * A transaction as the server's `getTransaction` describes it: exactly what is signed. Every text
 * the user reads is display text (`display-text.ts`): no control, format, bidi or zero-width
 * character, no line break, so what the user reads is what CENTAGATE signs.
 */
export const transactionView = object({
  id: transactionId,
  /** One-line summary, also the text sent to CENTAGATE as `details`. */
  summary: displayText(1, 512),
  /** Labelled details shown in the panel, in order (amount, payee, reference...). */
  fields: array(
    object({
      /** A key for the app and for styling (`data-name`), not shown. */
      name: text(1, 64),
      label: displayText(1, 128),
      value: displayText(0, 256),
    }),
    0,
    20,
  ),
})
export type TransactionView = Infer<typeof transactionView>

/**
 * The value CENTAGATE signs with the transaction (`transactionValue`, e.g. the amount), as the
 * app's `getTransaction` returns it next to the view: display text too.
 */
export const transactionValue = displayText(0, 128)
