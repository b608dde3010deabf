/**
 * Setting up an authenticator app or the CENTAGATE app: the key or QR is shown until the first
 * code verifies (authenticator) or the app completed its activation (app), then forgotten.
 */
import { interpret } from '../../machine/interpret'
import type { Machine } from '../../machine/machine-types'
import { factorSetupTransitions } from './factor-setup-transitions'
import type {
  FactorSetupContext,
  FactorSetupEnv,
  FactorSetupEvent,
  FactorSetupMachineEvent,
  FactorSetupMachineOptions,
  FactorSetupSnapshot,
  FactorSetupState,
} from './factor-setup-types'

export type FactorSetupMachine = Machine<FactorSetupSnapshot, FactorSetupEvent>

/** Creates a factor setup machine in `idle`; `START` asks the server for the key or QR. */
export function createFactorSetupMachine(options: FactorSetupMachineOptions): FactorSetupMachine {
  const kind = options.kind ?? 'authenticator'
  return interpret<
    FactorSetupState,
    FactorSetupMachineEvent,
    FactorSetupContext,
    FactorSetupEnv,
    FactorSetupSnapshot
  >(
    {
      name: 'factor-setup',
      table: factorSetupTransitions,
      initial: 'idle',
      context: { kind },
      hidden: ['steppedUp'],
      onTransition: options.onTransition,
    },
    {
      client: options.client,
      kind,
      pollMs: options.pollMs ?? 3000,
      onEnrolled: options.onEnrolled,
    },
  )
}
