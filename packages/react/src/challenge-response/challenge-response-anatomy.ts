import { partsOf } from '../internal/anatomy'
import { codeFormParts, errorPanelParts, headingParts } from '../parts/shared-anatomy'

/** Every part of the challenge-response widget (`data-scope="challenge-response"`), declared once. */
export const challengeResponseParts = [
  'root',
  ...headingParts,
  'description',
  'challenge',
  'challenge-label',
  'challenge-digits',
  'challenge-group',
  'challenge-reading',
  'copy-button',
  'copy-status',
  'expiry-timer',
  'status',
  ...codeFormParts,
  'send-button',
  ...errorPanelParts,
] as const

export type ChallengeResponsePart = (typeof challengeResponseParts)[number]

export const challengeResponsePart = partsOf<ChallengeResponsePart>('challenge-response')
