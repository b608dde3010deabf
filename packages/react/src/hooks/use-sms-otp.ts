import {
  createSmsMachine,
  type AuthenticatedResponse,
  type MethodEvent,
  type SmsMachine,
  type SmsSnapshot,
} from '@centagate-kit/client'
import { useLatest } from '../internal/use-latest'
import { useMachine, type BoundMachine } from './use-machine'

export interface UseSmsOtpOptions {
  /** Called when a code verified and the flow is authenticated. */
  onAuthenticated?: (result: AuthenticatedResponse) => void
  /** Drive an existing machine (`createSmsMachine`) instead of an own one; the app disposes it. */
  machine?: SmsMachine
}

/**
 * The client's SMS machine (`createSmsMachine`) bound to React, for a flow the app started
 * (`login/start` or `stepup/start`).
 */
export function useSmsOtp(options: UseSmsOtpOptions = {}): BoundMachine<SmsSnapshot, MethodEvent> {
  const onAuthenticated = useLatest(options.onAuthenticated)
  return useMachine(options.machine, (client) =>
    createSmsMachine({ client, onAuthenticated: (result) => onAuthenticated.current?.(result) }),
  )
}
