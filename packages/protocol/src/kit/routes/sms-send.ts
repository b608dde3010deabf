/** `sms/send`: sends (or resends) the SMS code of the current flow. */
import { object, oneOf, text } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { count, epochMs } from '../shapes/fields'
import { withDevice } from '../shapes/device-signals'
import { defineKitRoute } from './define-kit-route'
import { actorErrors, flowErrors, upstreamErrors } from './route-errors'

export const smsSendResponse = object({
  status: oneOf('sent'),
  method: oneOf('sms'),
  /** Masked destination (`•••• 4567`); never the full number. */
  maskedPhone: text(0, 32),
  /** When the code stops being valid. */
  expiresAt: epochMs,
  /** When another SMS may be requested (resend cooldown): a different clock from `expiresAt`. */
  resendAvailableAt: epochMs,
  /** SMS sends left in the current window (hourly quota). */
  sendsLeft: count,
  /** Wrong codes still allowed for this code before a new one is needed. */
  attemptsLeft: count,
  serverTime: epochMs,
})
export type SmsSendResponse = Infer<typeof smsSendResponse>

export const smsSend = defineKitRoute({
  path: 'sms/send',
  clientMethod: 'smsSend',
  request: withDevice({}),
  response: smsSendResponse,
  // `rate_limited`: resend cooldown or hourly quota, with `retryAt`
  errors: [...flowErrors, 'rate_limited', ...actorErrors, ...upstreamErrors],
})
