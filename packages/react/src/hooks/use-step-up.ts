import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import {
  createStepUpMachine,
  type AuthenticatedResponse,
  type StepUpEvent,
  type StepUpMachine,
  type StepUpSnapshot,
  type VisibilitySource,
} from '@centagate-kit/client'
import { useLatest } from '../internal/use-latest'
import { useKitClient } from '../provider/kit-client-context'

export interface UseStepUpOptions {
  onAuthenticated?: (result: AuthenticatedResponse) => void
  /** Page visibility for QR polling. @default documentVisibility() */
  visibility?: VisibilitySource
  /** Drive an existing machine instead (RootProvider-style escape hatch). */
  machine?: StepUpMachine
}

export interface UseStepUpResult {
  snapshot: StepUpSnapshot
  send: (event: StepUpEvent) => void
  machine: StepUpMachine
}

/**
 * Binds the client's step-up machine (string states) to React with `useSyncExternalStore`. The
 * machine is created once per component and disposed on unmount (polls and requests stop).
 */
export function useStepUp(options: UseStepUpOptions = {}): UseStepUpResult {
  const client = useKitClient()
  const onAuthenticated = useLatest(options.onAuthenticated)
  const [own] = useState(() =>
    options.machine
      ? null
      : createStepUpMachine({
          client,
          onAuthenticated: (result) => onAuthenticated.current?.(result),
          ...(options.visibility ? { visibility: options.visibility } : {}),
        }),
  )
  const machine = options.machine ?? own
  if (!machine) throw new Error('useStepUp: no machine')
  // Disposal is deferred one task so StrictMode's mount-unmount-mount keeps the machine alive.
  const disposeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => {
    if (!own) return
    clearTimeout(disposeTimer.current)
    return () => {
      disposeTimer.current = setTimeout(() => own.dispose(), 0)
    }
  }, [own])
  const subscribe = useCallback((listener: () => void) => machine.subscribe(listener), [machine])
  const getSnapshot = useCallback(() => machine.getSnapshot(), [machine])
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot)
  const send = useCallback((event: StepUpEvent) => machine.send(event), [machine])
  return { snapshot, send, machine }
}
