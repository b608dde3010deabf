/**
 * The body of every kit error answer. Browsers check it with the generated `isKitErrorBody`
 * (the step-up fetch interceptor and the kit client read error bodies with it).
 */
import { array, int, object, oneOf, optional, text } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { kitErrorCodes } from '../kit-error-codes'
import { count, epochMs, transactionId } from './fields'

export const kitErrorBodyShape = object({
  error: object({
    code: oneOf(...kitErrorCodes),
    /** i18n key of the message to show (`centagate.<key>` for CENTAGATE codes, `kit.<code>` otherwise). */
    messageKey: text(0, 96),
    /** The CENTAGATE return code behind the error, where there is one. */
    returnCode: optional(text(0, 12)),
    /** Wrong codes still allowed for the current code. */
    attemptsLeft: optional(count),
    /** When the user may try again (rate limit, cooldown). */
    retryAt: optional(epochMs),
    /** When a lockout ends. */
    lockedUntil: optional(epochMs),
    /**
     * For `invalid_input` and `transaction_invalid`: the offending field paths (names only,
     * never values).
     */
    fields: optional(array(text(0, 64), 0, 20)),
    /** For `step_up_required`: the transaction to step up for, and the accepted age. */
    transactionId: optional(transactionId),
    maxAgeSeconds: optional(int(1)),
  }),
  /** Correlates the browser error with the server's log line. */
  requestId: text(0, 64),
  serverTime: optional(epochMs),
})
export type KitErrorBody = Infer<typeof kitErrorBodyShape>
