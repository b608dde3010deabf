import {
  createStepUpMachine,
  type AuthenticatedResponse,
  type StepUpEvent,
  type StepUpMachine,
  type StepUpSnapshot,
  type VisibilitySource,
} from '@centagate-kit/client'
import { useLatest } from '../internal/use-latest'
import { useMachine, type BoundMachine } from './use-machine'

export interface UseStepUpOptions {
  onAuthenticated?: (result: AuthenticatedResponse) => void
  /** Page visibility for QR polling. @default documentVisibility() */
  visibility?: VisibilitySource
  /** Drive an existing machine instead (`createStepUpMachine`); the app disposes it. */
  machine?: StepUpMachine
}

export type UseStepUpResult = BoundMachine<StepUpSnapshot, StepUpEvent>

/**
 * The client's step-up machine bound to React. In `method`, `snapshot.child` is the chosen
 * method machine's snapshot and `send` takes its events too.
 */
export function useStepUp(options: UseStepUpOptions = {}): UseStepUpResult {
  const onAuthenticated = useLatest(options.onAuthenticated)
  return useMachine(options.machine, (client) =>
    createStepUpMachine({
      client,
      onAuthenticated: (result) => onAuthenticated.current?.(result),
      visibility: options.visibility,
    }),
  )
}
