/** Actions of the method machines; `storeError` and `cancel` also serve enrolment and step-up. */
import type { FlowResponse } from '@centagate-kit/protocol'
import { KitClientError } from '../kit-client-error'
import type { Action, Effects } from '../machine/machine-types'
import { codeOf, errorOf } from './method-guards'
import type { MethodContext, MethodEnv, MethodMachineEvent } from './method-types'

type MethodAction = Action<MethodContext, MethodMachineEvent, MethodEnv>

/** Aborts requests in flight, stops timers, polling and child machines. */
export const cancel = (_: unknown, __: unknown, env: Pick<Effects<never>, 'cancel'>): void =>
  env.cancel()

/** Keeps the event's error and the budgets it carries (attempts left, retry and lock times). */
export const storeError = (
  context: Pick<MethodContext, 'error' | 'attemptsLeft' | 'retryAt' | 'lockedUntil'>,
  event: object,
): void => {
  const error = errorOf(event)
  if (!error) return
  context.error = error
  context.attemptsLeft = error.attemptsLeft ?? context.attemptsLeft
  context.retryAt = error.retryAt
  context.lockedUntil = error.lockedUntil ?? context.lockedUntil
}

export const callSend: MethodAction = (context, _, env) => {
  context.operation = { kind: 'send' }
  context.error = undefined
  env.run(
    (signal) => env.calls.send(env.client, { signal }),
    (response) => ({ type: 'SEND.DONE', response }),
    (error) => ({ type: 'SEND.FAILED', error }),
  )
}

/** A new code: forgets the last one's failures and locks. */
export const storeSent: MethodAction = (context, event) => {
  if (event.type !== 'SEND.DONE') return
  context.error = context.retryAt = context.lockedUntil = context.lockScope = undefined
  context.operation = undefined
  context.sent = event.response
  // A push has no typed code, so no attempt budget.
  context.attemptsLeft = 'attemptsLeft' in event.response ? event.response.attemptsLeft : undefined
}

/** Verifies the submitted code, or again the last one (RETRY). */
export const callVerify: MethodAction = (context, event, env) => {
  const typed = codeOf(event)
  if (typed !== undefined) context.operation = { kind: 'verify', code: typed }
  const operation = context.operation
  if (operation?.kind !== 'verify') return
  context.error = context.retryAt = undefined
  env.run<FlowResponse>(
    (signal) => env.calls.verify(env.client, operation.code, { signal }),
    (response) => ({ type: 'VERIFY.DONE', response }),
    (error) => ({ type: 'VERIFY.FAILED', error }),
  )
}

/** The server accepted: `authenticated`, or `factor_required` (another factor). */
export const storeResult: MethodAction = (context, event) => {
  if (event.type !== 'VERIFY.DONE' && event.type !== 'POLL.DONE') return
  context.result = event.response as FlowResponse
  context.error = context.operation = undefined
}

export const notifyAuthenticated: MethodAction = (context, _, env) => {
  if (context.result?.status !== 'authenticated') return
  try {
    env.onAuthenticated?.(context.result)
  } catch (error) {
    // The app's callback failing must not wedge the machine: the user did authenticate.
    console.error('centagate-kit: onAuthenticated threw', error)
  }
}

export const markUserLock: MethodAction = (context) => {
  context.lockScope = 'user'
  context.operation = undefined
}

/** Too many wrong codes for this code: a new one is needed. */
export const markChallengeLock: MethodAction = (context) => {
  context.lockScope = 'challenge'
  context.operation = undefined
  context.attemptsLeft = 0
}

/** Refused locally: the server would refuse too, and the user gets the exact wait at once. */
export const refuseResend: MethodAction = (context) => {
  const retryAt =
    context.sent && 'resendAvailableAt' in context.sent ? context.sent.resendAvailableAt : undefined
  context.retryAt = retryAt
  context.error = new KitClientError('rate_limited', { status: 0, retryAt })
}

/** Refused locally with the field the server would name; the code itself is never kept. */
export const rejectMalformedCode: MethodAction = (context, _, env) => {
  context.error = new KitClientError('invalid_input', { status: 0, fields: [env.calls.field] })
}

/**
 * The code expired (server clock), or a code was submitted after that: said as the server would
 * say it, replacing a stale wrong-code error.
 */
export const markExpired: MethodAction = (context) => {
  context.error = new KitClientError('otp_expired', { status: 0 })
  context.operation = undefined
}
