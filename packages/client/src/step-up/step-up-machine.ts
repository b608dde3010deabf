import { interpret } from '../machine/interpret'
import { stepUpTransitions } from './step-up-transitions'
import type {
  StepUpContext,
  StepUpEnv,
  StepUpMachine,
  StepUpMachineEvent,
  StepUpMachineOptions,
  StepUpSnapshot,
  StepUpState,
} from './step-up-types'

/**
 * Creates a step-up machine. Nothing runs until the first event; `dispose()` on unmount.
 *
 * @example
 * const machine = createStepUpMachine({ client })
 * machine.subscribe(() => render(machine.getSnapshot()))
 * machine.send({ type: 'START.STEPUP', transactionId: 'tx-42' })
 */
export function createStepUpMachine(options: StepUpMachineOptions): StepUpMachine {
  return interpret<StepUpState, StepUpMachineEvent, StepUpContext, StepUpEnv, StepUpSnapshot>(
    {
      name: 'step-up',
      table: stepUpTransitions,
      initial: 'idle',
      context: { methods: [] },
      hidden: ['start', 'machine'],
      onTransition: options.onTransition,
    },
    {
      client: options.client,
      visibility: options.visibility,
      onAuthenticated: options.onAuthenticated,
      onTransition: options.onTransition,
    },
  )
}
