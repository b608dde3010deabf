import {
  createQrMachine,
  type AuthenticatedResponse,
  type QrEvent,
  type QrMachine,
  type QrSnapshot,
  type VisibilitySource,
} from '@centagate-kit/client'
import { useLatest } from '../internal/use-latest'
import { useMachine, type BoundMachine } from './use-machine'

export interface UseQrSigningOptions {
  onAuthenticated?: (result: AuthenticatedResponse) => void
  /** Page visibility source for polling. @default documentVisibility() */
  visibility?: VisibilitySource
  /** Drive an existing machine (`createQrMachine`); the app disposes it. */
  machine?: QrMachine
}

/**
 * The client's QR signing machine bound to React, for a step-up flow the app started. Polling
 * stops on unmount, on a new QR and at expiry.
 */
export function useQrSigning(options: UseQrSigningOptions = {}): BoundMachine<QrSnapshot, QrEvent> {
  const onAuthenticated = useLatest(options.onAuthenticated)
  return useMachine(options.machine, (client) =>
    createQrMachine({
      client,
      onAuthenticated: (result) => onAuthenticated.current?.(result),
      visibility: options.visibility,
    }),
  )
}
