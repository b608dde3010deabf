/** Actions of the enrolment machine. */
import type { Action } from '../../machine/machine-types'
import type { EnrolmentContext, EnrolmentEnv, EnrolmentMachineEvent } from './enrolment-types'

type EnrolmentAction = Action<EnrolmentContext, EnrolmentMachineEvent, EnrolmentEnv>

/** Registers the event's input, or again the last one (RETRY). */
export const callRegister: EnrolmentAction = (context, event, env) => {
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

export const storeRegistered: EnrolmentAction = (context, event, env) => {
  if (event.type !== 'REGISTER.DONE') return
  context.result = event.response
  context.input = undefined
  env.onRegistered?.(event.response)
}
