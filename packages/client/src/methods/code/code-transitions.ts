/**
 * The spec of a one-time code method: a code the server sends (SMS) or shows (a token challenge),
 * typed back by the user. SMS and challenge-response run this table with their own calls.
 *
 *   CODE.SEND → sending → awaiting-otp (the expiry timer armed on the server clock)
 *   CODE.SUBMIT → verifying → approved | awaiting-otp (wrong code) | expired | locked | denied | error
 *   awaiting-otp at the code's expiry → expired (only a new code helps)
 */
import type { TransitionTable } from '../../machine/machine-types'
import { cancel, markExpired, storeSent } from '../method-actions'
import {
  accepted,
  refuseExpired,
  retry,
  send,
  sendAgain,
  sendFailed,
  sendAgainWhenChallengeLocked,
  submit,
  verifyFailed,
} from '../method-transitions'
import type { MethodContext, MethodEnv, MethodMachineEvent } from '../method-types'
import { armExpiry } from './code-actions'

/** The states of a code method: the SMS and challenge-response widgets' `data-state`. */
export type CodeState =
  | 'idle'
  | 'sending'
  | 'awaiting-otp'
  | 'verifying'
  | 'approved'
  | 'denied'
  | 'expired'
  | 'locked'
  | 'error'

export const codeTransitions: TransitionTable<
  CodeState,
  MethodMachineEvent,
  MethodContext,
  MethodEnv
> = {
  idle: { 'CODE.SEND': send },
  sending: {
    // CODE.SEND while sending: ignored (a double click sends one code).
    'SEND.DONE': [{ target: 'awaiting-otp', actions: [storeSent, armExpiry] }],
    'SEND.FAILED': sendFailed('awaiting-otp', armExpiry),
  },
  'awaiting-otp': {
    'CODE.SUBMIT': submit,
    'CODE.SEND': sendAgain,
    'CODE.EXPIRED': [{ target: 'expired', actions: [cancel, markExpired] }],
  },
  verifying: {
    // CODE.SUBMIT while verifying: ignored (a double submit verifies once).
    'VERIFY.DONE': accepted,
    'VERIFY.FAILED': verifyFailed('awaiting-otp', armExpiry),
  },
  approved: {},
  denied: { 'CODE.SEND': sendAgain },
  expired: { 'CODE.SEND': sendAgain, 'CODE.SUBMIT': refuseExpired },
  locked: { 'CODE.SEND': sendAgainWhenChallengeLocked },
  error: { RETRY: retry, 'CODE.SEND': sendAgain, 'CODE.SUBMIT': submit },
}
