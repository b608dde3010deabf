import {
  createChallengeMachine,
  type AuthenticatedResponse,
  type ChallengeMachine,
  type ChallengeSnapshot,
  type MethodEvent,
} from '@centagate-kit/client'
import { useLatest } from '../internal/use-latest'
import { useMachine, type BoundMachine } from './use-machine'

export interface UseChallengeResponseOptions {
  onAuthenticated?: (result: AuthenticatedResponse) => void
  /** Drive an existing machine (`createChallengeMachine`); the app disposes it. */
  machine?: ChallengeMachine
}

/** The client's challenge-response machine bound to React, for a flow the app started. */
export function useChallengeResponse(
  options: UseChallengeResponseOptions = {},
): BoundMachine<ChallengeSnapshot, MethodEvent> {
  const onAuthenticated = useLatest(options.onAuthenticated)
  return useMachine(options.machine, (client) =>
    createChallengeMachine({
      client,
      onAuthenticated: (result) => onAuthenticated.current?.(result),
    }),
  )
}
