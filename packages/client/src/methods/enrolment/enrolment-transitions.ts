/**
 * The spec of token enrolment (`tokens/register`):
 *
 *   REGISTER → submitting → registered | expired | locked | error (RETRY, or REGISTER again)
 */
import type { Action, TransitionTable } from '../../machine/machine-types'
import { storeError } from '../method-actions'
import { errorIs, isUserLocked } from '../method-guards'
import type {
  EnrolmentContext,
  EnrolmentEnv,
  EnrolmentMachineEvent,
  EnrolmentState,
} from './enrolment-types'

type EnrolmentAction = Action<EnrolmentContext, EnrolmentMachineEvent, EnrolmentEnv>

const callRegister: EnrolmentAction = (context, event, env) => {
  if (event.type === 'REGISTER') context.input = event.input
  const input = context.input
  if (!input) return
  context.error = context.retryAt = undefined
  env.run(
    (signal) => env.client.tokensRegister(input, { signal }),
    (response) => ({ type: 'REGISTER.DONE', response }),
    (error) => ({ type: 'REGISTER.FAILED', error }),
  )
}

const storeRegistered: EnrolmentAction = (context, event, env) => {
  if (event.type !== 'REGISTER.DONE') return
  context.result = event.response
  context.input = undefined
  env.onRegistered?.(event.response)
}

const register = [{ target: 'submitting', actions: [callRegister] }] as const

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
      { guard: errorIs('no_flow', 'step_up_required'), target: 'expired', actions: [storeError] },
      { target: 'error', actions: [storeError] },
    ],
  },
  registered: {},
  // The app may have renewed the session (a new login or step-up): registering may work again.
  expired: { REGISTER: register },
  locked: {},
  error: { REGISTER: register, RETRY: register },
}
