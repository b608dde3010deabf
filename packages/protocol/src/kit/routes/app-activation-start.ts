/**
 * `app/activation/start`: starts activating the CENTAGATE app for the identified user
 * (`device/register/onetimepin`, with the admin cenToken). Answers the QR the app scans; the
 * passcode goes to the user's phone by SMS and never into this answer: the second channel is
 * the point. A factor change: a fresh step-up, except for a user's first factor.
 */
import { object, oneOf, text } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { epochMs } from '../shapes/fields'
import { withDevice } from '../shapes/device-signals'
import { defineKitRoute } from './define-kit-route'
import { actorErrors, upstreamErrors } from './route-errors'

export const appActivationStartResponse = object({
  status: oneOf('pending'),
  /** What the CENTAGATE app scans. */
  qr: text(1, 4096),
  /** When the QR and the SMS passcode stop working (epoch ms). */
  expiresAt: epochMs,
  serverTime: epochMs,
})
export type AppActivationStartResponse = Infer<typeof appActivationStartResponse>

export const appActivationStart = defineKitRoute({
  path: 'app/activation/start',
  clientMethod: 'appActivationStart',
  request: withDevice({}),
  response: appActivationStartResponse,
  errors: ['unauthenticated', 'forbidden', 'step_up_required', ...actorErrors, ...upstreamErrors],
})
