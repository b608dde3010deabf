import {
  createAppOtpMachine,
  type AppOtpMachine,
  type AppOtpSnapshot,
  type AuthenticatedResponse,
  type MethodEvent,
} from '@centagate-kit/client'
import { useLatest } from '../internal/use-latest'
import { useMachine, type BoundMachine } from './use-machine'

export interface UseAppOtpOptions {
  onAuthenticated?: (result: AuthenticatedResponse) => void
  /** Drive an existing machine (`createAppOtpMachine`); the app disposes it. */
  machine?: AppOtpMachine
}

/** The client's app-code machine bound to React, for a login or step-up flow the app started. */
export function useAppOtp(
  options: UseAppOtpOptions = {},
): BoundMachine<AppOtpSnapshot, MethodEvent> {
  const onAuthenticated = useLatest(options.onAuthenticated)
  return useMachine(options.machine, (client) =>
    createAppOtpMachine({
      client,
      onAuthenticated: (result) => onAuthenticated.current?.(result),
    }),
  )
}
