/** A transaction as the app's `getTransaction` describes it: what the user signs. */
import { array, object, text } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { transactionId } from './fields'

/** A transaction as the server's `getTransaction` describes it: exactly what is signed. */
export const transactionView = object({
  id: transactionId,
  /** One-line summary, also the text sent to CENTAGATE as `details`. */
  summary: text(1, 512),
  /** Labelled details shown in the panel, in order (amount, payee, reference...). */
  fields: array(object({ name: text(1, 64), label: text(1, 128), value: text(0, 256) }), 0, 20),
})
export type TransactionView = Infer<typeof transactionView>
