/** Actions of the enrolment machine. */
import type { Action } from '../../machine/machine-types'
import type { EnrolmentContext, EnrolmentEnv, EnrolmentMachineEvent } from './enrolment-types'

type EnrolmentAction = Action<EnrolmentContext, EnrolmentMachineEvent, EnrolmentEnv>

/** Registers the event's input, or again the last one (RETRY, STEPPED_UP). */
export const callRegister: EnrolmentAction = (context, event, env) => {
  if (event.type === 'REGISTER') context.input = event.input
  context.steppedUp = event.type === 'STEPPED_UP'
  const input = context.input
  if (!input) return
  context.error = context.retryAt = undefined
  env.run(
    (signal) => env.client.tokensRegister(input, { signal }),
    (response) => ({ type: 'REGISTER.DONE', response }),
    (error) => ({ type: 'REGISTER.FAILED', error }),
  )
}

/** The step-up was given up: nothing to register any more. */
export const forgetInput: EnrolmentAction = (context) => {
  context.input = context.error = undefined
}

export const storeRegistered: EnrolmentAction = (context, event, env) => {
  if (event.type !== 'REGISTER.DONE') return
  context.result = event.response
  context.input = undefined
  env.onRegistered?.(event.response)
}
