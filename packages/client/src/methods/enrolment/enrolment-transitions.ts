/**
 * The spec of token enrolment (`tokens/register`):
 *
 *   REGISTER → submitting → registered | awaiting-step-up | expired | locked | error (RETRY, or REGISTER)
 *   awaiting-step-up: STEPPED_UP → submitting (same input, once) | CANCEL → idle
 */
import type { TransitionTable } from '../../machine/machine-types'
import { storeError } from '../method-actions'
import { errorIs, isUserLocked } from '../method-guards'
import { callRegister, forgetInput, storeRegistered } from './enrolment-actions'
import type {
  EnrolmentContext,
  EnrolmentEnv,
  EnrolmentMachineEvent,
  EnrolmentState,
} from './enrolment-types'

const register = [{ target: 'submitting', actions: [callRegister] }] as const
/** A factor change asks for a fresh step-up, and none has followed this input's demand yet. */
const needsStepUp = (context: EnrolmentContext, event: object) =>
  !context.steppedUp && errorIs('step_up_required')(context, event)

export const enrolmentTransitions: TransitionTable<
  EnrolmentState,
  EnrolmentMachineEvent,
  EnrolmentContext,
  EnrolmentEnv
> = {
  idle: { REGISTER: register },
  submitting: {
    // REGISTER while submitting: ignored (a double click registers once).
    'REGISTER.DONE': [{ target: 'registered', actions: [storeRegistered] }],
    'REGISTER.FAILED': [
      { guard: isUserLocked, target: 'locked', actions: [storeError] },
      { guard: needsStepUp, target: 'awaiting-step-up', actions: [storeError] },
      { guard: errorIs('no_flow', 'step_up_required'), target: 'expired', actions: [storeError] },
      { target: 'error', actions: [storeError] },
    ],
  },
  'awaiting-step-up': {
    STEPPED_UP: register,
    CANCEL: [{ target: 'idle', actions: [forgetInput] }],
  },
  registered: {},
  // The app may have renewed the session (a new login or step-up): registering may work again.
  expired: { REGISTER: register },
  locked: {},
  error: { REGISTER: register, RETRY: register },
}
