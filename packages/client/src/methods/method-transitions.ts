/**
 * Transition lists every method machine's table uses, named once: how a send, a submit, a retry
 * and a failure go, whatever the method. The tables (`code-transitions.ts`, `qr-transitions.ts`)
 * compose them state by state.
 */
import type { Action, Transition } from '../machine/machine-types'
import {
  callSend,
  callVerify,
  cancel,
  markChallengeLock,
  markExpired,
  markUserLock,
  notifyAuthenticated,
  refuseResend,
  rejectMalformedCode,
  storeError,
  storeResult,
} from './method-actions'
import {
  failedOnSend,
  failedOnVerify,
  hasSent,
  isChallengeLock,
  isChallengeLocked,
  isCoolingDown,
  isMalformedCode,
  isOtpExpired,
  isRateLimited,
  isRecoverable,
  isRejected,
  isUserLocked,
} from './method-guards'
import type { MethodContext, MethodEnv, MethodMachineEvent } from './method-types'

type Transitions<State> = readonly Transition<State, MethodContext, MethodMachineEvent, MethodEnv>[]
type MethodAction = Action<MethodContext, MethodMachineEvent, MethodEnv>

/** Sends (the first code, or a new one), dropping whatever was in flight. */
export const send: Transitions<'sending'> = [{ target: 'sending', actions: [cancel, callSend] }]

/** A new code, refused locally before the SMS resend time (the error says until when). */
export const sendAgain: Transitions<'sending'> = [
  { guard: isCoolingDown, actions: [refuseResend] },
  ...send,
]

/** A challenge lock needs a new code; a user lock only ends at `lockedUntil`. */
export const sendWhenChallengeLocked: Transitions<'sending'> = [
  { guard: isChallengeLock, target: 'sending', actions: [cancel, callSend] },
]

/** The same for SMS and token codes: the new code also waits for the SMS resend time. */
export const sendAgainWhenChallengeLocked: Transitions<'sending'> = [
  { guard: [isChallengeLock, isCoolingDown], actions: [refuseResend] },
  ...sendWhenChallengeLocked,
]

/** A typed code: a malformed one is refused locally (never sent), else verified. */
export const submit: Transitions<'verifying'> = [
  { guard: [hasSent, isMalformedCode], actions: [rejectMalformedCode] },
  { guard: hasSent, target: 'verifying', actions: [cancel, callVerify] },
]

/** A code typed after the code expired is answered, never dropped. */
export const refuseExpired: Transitions<never> = [{ actions: [markExpired] }]

/** In `error`: repeats what failed, the send or the verify (with the same code). */
export const retry: Transitions<'sending' | 'verifying'> = [
  { guard: failedOnSend, target: 'sending', actions: [callSend] },
  { guard: failedOnVerify, target: 'verifying', actions: [callVerify] },
]

/** The server accepted: `approved` (the result says whether the flow is complete). */
export const accepted: Transitions<'approved'> = [
  { target: 'approved', actions: [storeResult, notifyAuthenticated] },
]

/** Failures every request shares. */
export const failure: Transitions<'locked' | 'expired' | 'denied' | 'error'> = [
  { guard: isUserLocked, target: 'locked', actions: [storeError, markUserLock] },
  { guard: isChallengeLocked, target: 'locked', actions: [storeError, markChallengeLock] },
  { guard: isOtpExpired, target: 'expired', actions: [storeError] },
  { guard: isRejected, target: 'denied', actions: [storeError] },
  { target: 'error', actions: [storeError] },
]

/** A verify refused: back to waiting (`wait` re-arms it) when the code is still usable. */
export const verifyFailed = <Waiting extends string>(
  waiting: Waiting,
  wait: MethodAction,
): Transitions<Waiting | 'locked' | 'expired' | 'denied' | 'error'> => [
  { guard: [isRecoverable, hasSent], target: waiting, actions: [storeError, wait] },
  ...failure,
]

/** A send refused: a quota keeps the current code (or the challenge lock) with `retryAt`. */
export const sendFailed = <Waiting extends string>(
  waiting: Waiting,
  wait: MethodAction,
): Transitions<Waiting | 'locked' | 'expired' | 'denied' | 'error'> => [
  { guard: [isRateLimited, isChallengeLock], target: 'locked', actions: [storeError] },
  ...verifyFailed(waiting, wait),
]
