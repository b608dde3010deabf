/** Actions of the step-up machine. */
import type { FlowResponse } from '@centagate-kit/protocol'
import type { Action } from '../machine/machine-types'
import { createAppOtpMachine } from '../methods/app-otp/app-otp-machine'
import { createChallengeMachine } from '../methods/challenge/challenge-machine'
import { createPushMachine } from '../methods/push/push-machine'
import { createQrMachine } from '../methods/qr/qr-machine'
import { createSmsMachine } from '../methods/sms/sms-machine'
import { flowResponseOf } from './step-up-guards'
import type { QrEvent } from '../methods/method-types'
import type { MethodMachine, StepUpContext, StepUpEnv, StepUpMachineEvent } from './step-up-types'

type StepUpAction = Action<StepUpContext, StepUpMachineEvent, StepUpEnv>

const methodMachines = {
  sms: createSmsMachine,
  challenge: createChallengeMachine,
  qr: createQrMachine,
  push: createPushMachine,
  app_otp: createAppOtpMachine,
}

/** Forgets everything, in place (the interpreter keeps this one object). */
export const clearContext: StepUpAction = (context) => {
  for (const key of Object.keys(context)) delete context[key as keyof StepUpContext]
  context.methods = []
}

export const rememberStart: StepUpAction = (context, event) => {
  if (event.type !== 'START.LOGIN' && event.type !== 'START.STEPUP') return
  context.start = event
  context.flow = event.type === 'START.LOGIN' ? 'login' : 'stepup'
}

export const callStart: StepUpAction = (context, _, env) => {
  const event = context.start
  if (!event) return
  env.run<FlowResponse>(
    (signal) =>
      event.type === 'START.LOGIN'
        ? env.client.loginStart(
            {
              username: event.username,
              ...(event.password !== undefined ? { password: event.password } : {}),
            },
            { signal },
          )
        : env.client.stepUpStart(
            event.transactionId !== undefined ? { transactionId: event.transactionId } : {},
            { signal },
          ),
    (response) => ({ type: 'START.DONE', response }),
    (error) => ({ type: 'START.FAILED', error }),
  )
}

/** The same START again, as if the user had just sent it (the server lost the flow). */
export const restartFlow: StepUpAction = (context, event, env) => {
  const start = context.start
  env.cancel()
  clearContext(context, event, env)
  if (start) rememberStart(context, start, env)
  callStart(context, event, env)
}

export const storeFactors: StepUpAction = (context, event) => {
  const response = flowResponseOf(context, event)
  if (response?.status !== 'factor_required') return
  context.flow = response.flow
  context.methods = response.methods
  context.transaction = response.transaction
  context.flowExpiresAt = response.flowExpiresAt
  context.method = context.machine = context.child = context.error = undefined
}

export const chooseOnlyMethod: StepUpAction = (context) => {
  context.method = context.methods[0]?.method
}

export const chooseMethod: StepUpAction = (context, event) => {
  if (event.type === 'METHOD.CHOOSE') context.method = event.method
}

/**
 * Starts the chosen method's machine and sends its code: the same machine a standalone widget
 * runs. It lives until the next cancel (a switch, a restart, leaving, `dispose()`).
 */
export const startMethod: StepUpAction = (context, _, env) => {
  const method = context.method
  if (!method) return
  const machine = methodMachines[method]({
    client: env.client,
    visibility: env.visibility,
    onTransition: env.onTransition,
  }) as MethodMachine
  env.signal().addEventListener('abort', () => machine.dispose())
  machine.subscribe(() => env.dispatch({ type: 'METHOD.CHANGED' }))
  context.machine = machine
  context.child = machine.getSnapshot()
  machine.send({ type: 'CODE.SEND' })
}

/** Passes a method event on to the method machine (the table forwards only those). */
export const forward: StepUpAction = (context, event) => {
  context.machine?.send(event as QrEvent)
}

/** The current method chosen again after an outcome: a new code (the SMS cooldown still holds). */
export const sendAgain: StepUpAction = (context) => {
  context.machine?.send({ type: 'CODE.SEND' })
}

export const syncChild: StepUpAction = (context) => {
  context.child = context.machine?.getSnapshot()
}

/** A lockout or a lost flow ends the method: the flow shows it. */
export const adoptMethodError: StepUpAction = (context) => {
  const child = context.machine?.getSnapshot()
  context.error = child?.error
  context.lockedUntil = child?.lockedUntil
  context.method = context.machine = context.child = undefined
}

export const storeResult: StepUpAction = (context, event) => {
  const response = flowResponseOf(context, event)
  if (response?.status !== 'authenticated') return
  context.result = response
  context.machine = context.child = context.error = undefined
}

export const notifyAuthenticated: StepUpAction = (context, _, env) => {
  if (!context.result) return
  try {
    env.onAuthenticated?.(context.result)
  } catch (error) {
    // The app's callback failing must not wedge the machine: the user did authenticate.
    console.error('centagate-kit: onAuthenticated threw', error)
  }
}

/** Fire and forget: leaving must never wait on the network. */
export const callCancel: StepUpAction = (context, _, env) => {
  if (context.flow !== undefined) env.client.flowCancel().catch(() => {})
}
