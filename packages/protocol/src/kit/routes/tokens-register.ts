/**
 * `tokens/register`: the signed-in user (or one who just logged in with a password and has no
 * factor yet) registers an SMS number or a hardware token, through CENTAGATE's admin API with
 * credentials that never leave the server. A factor change: it needs a fresh step-up (401
 * `step_up_required`) unless the user has no factor yet, and has a per-user and per-IP budget.
 */
import { object, oneOf, text, union } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { epochMs } from '../shapes/fields'
import { withDevice } from '../shapes/device-signals'
import { defineKitRoute } from './define-kit-route'
import { actorErrors, upstreamErrors } from './route-errors'

export const tokensRegisterResponse = object({
  status: oneOf('registered'),
  kind: oneOf('sms', 'hardware'),
  /** `sms`: the masked number; `hardware`: the serial. */
  label: text(0, 64),
  serverTime: epochMs,
})
export type TokensRegisterResponse = Infer<typeof tokensRegisterResponse>

export const tokensRegister = defineKitRoute({
  path: 'tokens/register',
  clientMethod: 'tokensRegister',
  request: union('kind', [
    withDevice({
      kind: oneOf('sms'),
      /** E.164 phone number: `+` then 8 to 15 digits. */
      phoneNumber: text(9, 16, { pattern: /^\+[1-9][0-9]+$/ }),
    }),
    withDevice({
      kind: oneOf('hardware'),
      /** Serial printed on the token, trimmed and upper-cased. */
      serial: text(4, 32, { trim: true, upperCase: true, pattern: /^[A-Z0-9]+$/ }),
    }),
  ]),
  response: tokensRegisterResponse,
  errors: [
    'unauthenticated',
    // refused by the app's `authorizeEnrolment`, or enrolment is not configured
    'forbidden',
    // a factor change needs a fresh step-up (RFC 9470 challenge), except a user's first factor
    'step_up_required',
    ...actorErrors,
    ...upstreamErrors,
  ],
})
