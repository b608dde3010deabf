/**
 * The kit error body check on its own: the step-up fetch interceptor needs only this one, and a
 * module of its own keeps the response and request checks out of bundles that do not use them.
 */
import { isKitErrorCode } from './kit-error-codes'
import type { KitErrorBody } from './schemas'
import {
  array,
  epochMs,
  int,
  object,
  optional,
  str,
  transactionId,
} from './shape-checks-combinators'

const errorBody = object({
  error: object({
    code: isKitErrorCode,
    messageKey: str(0, 96),
    returnCode: optional(str(0, 12)),
    attemptsLeft: optional(int(0)),
    retryAt: optional(epochMs),
    lockedUntil: optional(epochMs),
    fields: optional(array(str(0, 64), 0, 20)),
    transactionId: optional(transactionId),
    maxAgeSeconds: optional(int(1)),
  }),
  requestId: str(0, 64),
  serverTime: optional(epochMs),
})

/** Whether `body` is a kit error body (same verdict as `kitErrorBody`). */
export function isKitErrorBody(body: unknown): body is KitErrorBody {
  return errorBody(body)
}
