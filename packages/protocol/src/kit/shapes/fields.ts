/**
 * Field shapes several routes share. Times are epoch milliseconds of the server's clock.
 */
import { array, int, object, oneOf, optional, text } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { kitMethods } from '../methods'

/** Epoch milliseconds. */
export const epochMs = int()

/** A count (attempts, sends left). */
export const count = int()

/** A CENTAGATE username, trimmed: printable, no control characters, no separators that break paths. */
export const username = text(1, 64, { trim: true, pattern: /^[\p{L}\p{N}._@+-]+$/u })

/** An app transaction id (the app's own, passed through `getTransaction`). */
export const transactionId = text(1, 64, { pattern: /^[A-Za-z0-9._:-]+$/ })

/** Which flow a response belongs to. */
export const flowKind = oneOf('login', 'stepup')

export const kitMethod = oneOf(...kitMethods)

/** What a method needs the user to know before choosing it. */
export const methodOption = object({
  method: kitMethod,
  /** For `sms`: the masked destination when known (`•••• 4567`). */
  hint: optional(text(0, 64)),
})
export type MethodOption = Infer<typeof methodOption>

/** A transaction as the server's `getTransaction` describes it: exactly what is signed. */
export const transactionView = object({
  id: transactionId,
  /** One-line summary, also the text sent to CENTAGATE as `details`. */
  summary: text(1, 512),
  /** Labelled details shown in the panel, in order (amount, payee, reference...). */
  fields: array(object({ name: text(1, 64), label: text(1, 128), value: text(0, 256) }), 0, 20),
})
export type TransactionView = Infer<typeof transactionView>

/** Every response carries the server's clock so the browser can correct its countdowns. */
export const serverTime = { serverTime: epochMs }
