import {
  createFactorSetupMachine,
  type FactorSetupEvent,
  type FactorSetupKind,
  type FactorSetupMachine,
  type FactorSetupSnapshot,
} from '@centagate-kit/client'
import { useLatest } from '../internal/use-latest'
import { useMachine, type BoundMachine } from './use-machine'

export interface UseFactorSetupOptions {
  /** @default 'authenticator' */
  kind?: FactorSetupKind
  onEnrolled?: (result: { kind: FactorSetupKind; label?: string }) => void
  /** Drive an existing machine (`createFactorSetupMachine`); the app disposes it. */
  machine?: FactorSetupMachine
}

/** The client's factor setup machine (authenticator or CENTAGATE app) bound to React. */
export function useFactorSetup(
  options: UseFactorSetupOptions = {},
): BoundMachine<FactorSetupSnapshot, FactorSetupEvent> {
  const onEnrolled = useLatest(options.onEnrolled)
  return useMachine(options.machine, (client) =>
    createFactorSetupMachine({
      client,
      kind: options.kind ?? 'authenticator',
      onEnrolled: (result) => onEnrolled.current?.(result),
    }),
  )
}
