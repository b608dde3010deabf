/**
 * `factors/list`: the identified user's own factors (CENTAGATE's `user/auth/list`, with
 * `token/getStatus` for an app activation still under way), as labels safe to show: the phone
 * masked, the token serial, the device name. Never another user's: the user is the app session's
 * (`identify`), not a name from the browser.
 */
import { array, object, oneOf, optional, text } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { epochMs } from '../shapes/fields'
import { withDevice } from '../shapes/device-signals'
import { defineKitRoute } from './define-kit-route'
import { upstreamErrors } from './route-errors'

/** The factor slots CENTAGATE removes by (`token/unregisterActiveToken` type). */
export const factorSlot = oneOf('sms', 'token', 'mobile')

export const factorSummary = object({
  /** What `factors/remove` takes. */
  slot: factorSlot,
  /** `sms` number, `token` (hardware or authenticator) or the CENTAGATE `app`. */
  kind: oneOf('sms', 'token', 'app'),
  /** `sms`: the masked number; `token`: the serial; `app`: the device's name. */
  label: text(0, 128),
  /**
   * `active`; `pending`: an authenticator whose first code has not verified yet, or an app
   * activation not completed (neither counts as a factor).
   */
  status: oneOf('active', 'pending'),
  /** Why it cannot be removed (absent: it can). */
  blockedBy: optional(oneOf('last_factor')),
})
export type FactorSummary = Infer<typeof factorSummary>

export const factorsListResponse = object({
  factors: array(factorSummary, 0, 16),
  serverTime: epochMs,
})
export type FactorsListResponse = Infer<typeof factorsListResponse>

export const factorsList = defineKitRoute({
  path: 'factors/list',
  clientMethod: 'factorsList',
  request: withDevice({}),
  response: factorsListResponse,
  errors: ['unauthenticated', 'forbidden', ...upstreamErrors],
})
