/** Token enrolment: registers an SMS number or a hardware token serial (`tokens/register`). */
import { interpret } from '../../machine/interpret'
import type { Machine } from '../../machine/machine-types'
import { enrolmentTransitions } from './enrolment-transitions'
import type {
  EnrolmentContext,
  EnrolmentEnv,
  EnrolmentEvent,
  EnrolmentMachineEvent,
  EnrolmentMachineOptions,
  EnrolmentSnapshot,
  EnrolmentState,
} from './enrolment-types'

export type EnrolmentMachine = Machine<EnrolmentSnapshot, EnrolmentEvent>

/**
 * Creates an enrolment machine in `idle`. The identified user (or one who just logged in with a
 * password and has no factor yet) registers with `REGISTER`.
 */
export function createEnrolmentMachine(options: EnrolmentMachineOptions): EnrolmentMachine {
  return interpret<
    EnrolmentState,
    EnrolmentMachineEvent,
    EnrolmentContext,
    EnrolmentEnv,
    EnrolmentSnapshot
  >(
    {
      name: 'enrolment',
      table: enrolmentTransitions,
      initial: 'idle',
      context: {},
      hidden: ['input', 'steppedUp'],
      onTransition: options.onTransition,
    },
    { client: options.client, onRegistered: options.onRegistered },
  )
}
