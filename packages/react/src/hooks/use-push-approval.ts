import {
  createPushMachine,
  type AuthenticatedResponse,
  type MethodEvent,
  type PushMachine,
  type PushSnapshot,
  type VisibilitySource,
} from '@centagate-kit/client'
import { useLatest } from '../internal/use-latest'
import { useMachine, type BoundMachine } from './use-machine'

export interface UsePushApprovalOptions {
  onAuthenticated?: (result: AuthenticatedResponse) => void
  /** Page visibility source for polling. @default documentVisibility() */
  visibility?: VisibilitySource
  /** Drive an existing machine (`createPushMachine`); the app disposes it. */
  machine?: PushMachine
}

/**
 * The client's push machine bound to React, for a login or step-up flow the app started. Polling
 * stops on unmount, on a new push and at expiry.
 */
export function usePushApproval(
  options: UsePushApprovalOptions = {},
): BoundMachine<PushSnapshot, MethodEvent> {
  const onAuthenticated = useLatest(options.onAuthenticated)
  return useMachine(options.machine, (client) =>
    createPushMachine({
      client,
      onAuthenticated: (result) => onAuthenticated.current?.(result),
      visibility: options.visibility,
    }),
  )
}
