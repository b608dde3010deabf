/**
 * `authenticator/start`: binds an offline OTP token to the identified user
 * (`token/register/otp/offline`, with the admin cenToken) and answers its provisioning key once,
 * as an `otpauth://totp/…` URI (Key Uri Format) for the authenticator app to scan and as the key
 * itself for typing. The key is a secret: the answer is `Cache-Control: no-store`, and the kit
 * never logs, stores or audits it. The token stays pending (not a factor) until
 * `authenticator/verify` accepts its first code; abandoned, it is unregistered. A factor change:
 * a fresh step-up, except for a user's first factor.
 */
import { object, oneOf, text } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { epochMs } from '../shapes/fields'
import { withDevice } from '../shapes/device-signals'
import { defineKitRoute } from './define-kit-route'
import { actorErrors, upstreamErrors } from './route-errors'

export const authenticatorStartResponse = object({
  status: oneOf('pending'),
  /** `otpauth://totp/<issuer>:<label>?secret=<key>&issuer=<issuer>&…`: what the QR encodes. */
  otpauthUri: text(1, 1024),
  /** The base32 key, for typing when the camera cannot scan. */
  key: text(1, 256),
  /** When the first code must have verified (epoch ms); afterwards the token is unregistered. */
  expiresAt: epochMs,
  serverTime: epochMs,
})
export type AuthenticatorStartResponse = Infer<typeof authenticatorStartResponse>

export const authenticatorStart = defineKitRoute({
  path: 'authenticator/start',
  clientMethod: 'authenticatorStart',
  request: withDevice({}),
  response: authenticatorStartResponse,
  errors: [
    'unauthenticated',
    // refused by the app's `authorizeEnrolment`, or authenticators are not configured
    'forbidden',
    'step_up_required',
    ...actorErrors,
    ...upstreamErrors,
  ],
})
