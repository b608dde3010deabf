import type { ChallengeSendResponse, FlowResponse, KitClientError } from '@centagate-kit/client'

/** Named states of the challenge-response widget (also its `data-state`). */
export type ChallengeResponseStatus =
  'idle' | 'sending' | 'awaiting-response' | 'verifying' | 'verified' | 'locked' | 'error'

/** What the challenge-response view shows and can do (from `useChallengeResponse` or `<StepUp>`). */
export interface ChallengeResponseController {
  status: ChallengeResponseStatus
  challenge?: ChallengeSendResponse | undefined
  error?: KitClientError | undefined
  attemptsLeft?: number | undefined
  lockedUntil?: number | undefined
  result?: FlowResponse | undefined
  /** Asks for a (new) challenge. */
  send: () => void
  verify: (response: string) => void
}
