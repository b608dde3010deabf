/**
 * `authenticator/verify`: the first code of the authenticator `authenticator/start` provisioned
 * (`auth/authOtp`, offline); once it verifies the token is a factor.
 */
import { object, oneOf, text } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { otpCode } from '../otp-code'
import { epochMs } from '../shapes/fields'
import { withDevice } from '../shapes/device-signals'
import { defineKitRoute } from './define-kit-route'
import { actorErrors, upstreamErrors } from './route-errors'

export const authenticatorVerifyResponse = object({
  status: oneOf('registered'),
  kind: oneOf('token'),
  /** The token's serial. */
  label: text(0, 64),
  serverTime: epochMs,
})
export type AuthenticatorVerifyResponse = Infer<typeof authenticatorVerifyResponse>

export const authenticatorVerify = defineKitRoute({
  path: 'authenticator/verify',
  clientMethod: 'authenticatorVerify',
  request: withDevice({ code: otpCode }),
  response: authenticatorVerifyResponse,
  errors: [
    'unauthenticated',
    'forbidden',
    // no enrolment under way (never started, expired or already done)
    'flow_step_invalid',
    'otp_invalid',
    'otp_expired',
    ...actorErrors,
    ...upstreamErrors,
  ],
})
