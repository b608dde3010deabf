/**
 * `app-otp/start`: opens the window in which the code the CENTAGATE app (or a soft token, an
 * authenticator) shows may be typed. Nothing is sent anywhere (the code is already on the phone):
 * the server records the attempt budget and the deadline, with no CENTAGATE call.
 */
import { object, oneOf } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { count, epochMs } from '../shapes/fields'
import { withDevice } from '../shapes/device-signals'
import { defineKitRoute } from './define-kit-route'
import { actorErrors, flowErrors } from './route-errors'

export const appOtpStartResponse = object({
  status: oneOf('sent'),
  method: oneOf('app_otp'),
  /** When this window closes (a new one may be opened: the app keeps showing fresh codes). */
  expiresAt: epochMs,
  /** Wrong codes still allowed in this window. */
  attemptsLeft: count,
  serverTime: epochMs,
})
export type AppOtpStartResponse = Infer<typeof appOtpStartResponse>

export const appOtpStart = defineKitRoute({
  path: 'app-otp/start',
  clientMethod: 'appOtpStart',
  request: withDevice({}),
  response: appOtpStartResponse,
  // `rate_limited`: too many windows opened (the send limits)
  errors: [...flowErrors, 'rate_limited', ...actorErrors],
})
