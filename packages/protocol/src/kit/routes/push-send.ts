/**
 * `push/send`: sends a push to the user's CENTAGATE app (`req/requestMobilePushCR`) carrying the
 * request's details (the transaction summary of a step-up, or the login text), shown on the phone
 * and on screen; `push/status` then polls the user's decision.
 */
import { object, oneOf, optional } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { displayText } from '../shapes/display-text'
import { epochMs } from '../shapes/fields'
import { transactionView } from '../shapes/transaction-view'
import { withDevice } from '../shapes/device-signals'
import { defineKitRoute } from './define-kit-route'
import { pollDelay } from './qr-send'
import { actorErrors, flowErrors, upstreamErrors } from './route-errors'

export const pushSendResponse = object({
  status: oneOf('sent'),
  method: oneOf('push'),
  /** Exactly what the app shows with the push (display text), for the user to compare. */
  details: displayText(1, 512),
  /** The transaction the push approves (step-up with a transaction). */
  transaction: optional(transactionView),
  expiresAt: epochMs,
  /** Suggested delay before the first `push/status` poll. */
  pollAfterMs: pollDelay,
  serverTime: epochMs,
})
export type PushSendResponse = Infer<typeof pushSendResponse>

export const pushSend = defineKitRoute({
  path: 'push/send',
  clientMethod: 'pushSend',
  request: withDevice({}),
  response: pushSendResponse,
  errors: [...flowErrors, ...actorErrors, ...upstreamErrors],
})
