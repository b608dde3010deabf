/**
 * `qr/send`: a QR code for the CENTAGATE app to scan (it shows the transaction and approves it),
 * with a manual code for a phone that cannot scan its own screen.
 */
import { int, object, oneOf, optional, text } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { count, epochMs } from '../shapes/fields'
import { transactionView } from '../shapes/transaction-view'
import { withDevice } from '../shapes/device-signals'
import { defineKitRoute } from './define-kit-route'
import { actorErrors, flowErrors, upstreamErrors } from './route-errors'

/** Milliseconds before the next `qr/status` poll. */
export const pollDelay = int(1)

export const qrSendResponse = object({
  status: oneOf('sent'),
  method: oneOf('qr'),
  /** Text to render as the QR image. */
  qrValue: text(1, 2048),
  /** The code to type into the app when the phone cannot scan its own screen. */
  manualCode: text(1, 32),
  /** The transaction the QR carries (step-up with a transaction). */
  transaction: optional(transactionView),
  expiresAt: epochMs,
  /** Suggested delay before the first `qr/status` poll. */
  pollAfterMs: pollDelay,
  /** Wrong codes still allowed before a new QR is needed. */
  attemptsLeft: count,
  serverTime: epochMs,
})
export type QrSendResponse = Infer<typeof qrSendResponse>

export const qrSend = defineKitRoute({
  path: 'qr/send',
  clientMethod: 'qrSend',
  request: withDevice({}),
  response: qrSendResponse,
  errors: [...flowErrors, ...actorErrors, ...upstreamErrors],
})
