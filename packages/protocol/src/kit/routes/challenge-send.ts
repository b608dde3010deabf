/** `challenge/send`: asks CENTAGATE for a challenge to key into the user's hardware token. */
import { object, oneOf, text } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { count, epochMs } from '../shapes/fields'
import { withDevice } from '../shapes/device-signals'
import { defineKitRoute } from './define-kit-route'
import { actorErrors, flowErrors, upstreamErrors } from './route-errors'

export const challengeSendResponse = object({
  status: oneOf('sent'),
  method: oneOf('challenge'),
  /** The challenge to key into the token (digits, shown grouped and LTR). */
  challenge: text(1, 32),
  expiresAt: epochMs,
  /** Wrong responses still allowed for this challenge before a new one is needed. */
  attemptsLeft: count,
  serverTime: epochMs,
})
export type ChallengeSendResponse = Infer<typeof challengeSendResponse>

export const challengeSend = defineKitRoute({
  path: 'challenge/send',
  clientMethod: 'challengeSend',
  request: withDevice({}),
  response: challengeSendResponse,
  errors: [...flowErrors, ...actorErrors, ...upstreamErrors],
})
