import {
  createEnrolmentMachine,
  type EnrolmentEvent,
  type EnrolmentMachine,
  type EnrolmentSnapshot,
  type TokensRegisterResponse,
} from '@centagate-kit/client'
import { useLatest } from '../internal/use-latest'
import { useMachine, type BoundMachine } from './use-machine'

export interface UseTokenEnrollmentOptions {
  onRegistered?: (result: TokensRegisterResponse) => void
  /** Drive an existing machine (`createEnrolmentMachine`); the app disposes it. */
  machine?: EnrolmentMachine
}

/** The client's enrolment machine (`tokens/register`) bound to React. */
export function useTokenEnrollment(
  options: UseTokenEnrollmentOptions = {},
): BoundMachine<EnrolmentSnapshot, EnrolmentEvent> {
  const onRegistered = useLatest(options.onRegistered)
  return useMachine(options.machine, (client) =>
    createEnrolmentMachine({ client, onRegistered: (result) => onRegistered.current?.(result) }),
  )
}
