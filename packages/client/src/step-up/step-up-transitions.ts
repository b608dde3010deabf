/**
 * The spec of the step-up (and login second factor) flow. It starts the flow, lets the user
 * choose among their methods, runs the chosen method's machine (the same one a standalone widget
 * runs) and follows it to the end:
 *
 *   START.* → starting → approved | choosing | method (exactly one method: chosen for the user)
 *   METHOD.CHOOSE → method: the method machine sends its code; method events go to it
 *   the method machine approved → approved | choosing / method (another factor is required)
 *   the user locked out → locked; the flow lost by the server → error (RETRY starts over)
 */
import type { Transition, TransitionTable } from '../machine/machine-types'
import { cancel, storeError } from '../methods/method-actions'
import { isUserLocked } from '../methods/method-guards'
import {
  adoptMethodError,
  callCancel,
  callStart,
  chooseMethod,
  chooseOnlyMethod,
  clearContext,
  forward,
  notifyAuthenticated,
  rememberStart,
  restartFlow,
  sendAgain,
  startMethod,
  storeFactors,
  storeResult,
  syncChild,
} from './step-up-actions'
import {
  hasExactlyOneMethod,
  hasOutcome,
  hasStarted,
  isAuthenticated,
  isCurrentMethod,
  isFactorRequired,
  isFlowGone,
  isOfferedMethod,
  isUserLockedOut,
} from './step-up-guards'
import type { StepUpContext, StepUpEnv, StepUpMachineEvent, StepUpState } from './step-up-types'

type Transitions = readonly Transition<StepUpState, StepUpContext, StepUpMachineEvent, StepUpEnv>[]

const start: Transitions = [
  { target: 'starting', actions: [cancel, clearContext, rememberStart, callStart] },
]
/** A method chosen: its machine starts and sends its code (the old one's work is dropped). */
const pick: Transitions = [
  { guard: isOfferedMethod, target: 'method', actions: [cancel, chooseMethod, startMethod] },
]
/** What a flow answer leads to: done, the only method, or a choice. */
const flowOutcome: Transitions = [
  {
    guard: isAuthenticated,
    target: 'approved',
    actions: [cancel, storeResult, notifyAuthenticated],
  },
  {
    guard: hasExactlyOneMethod,
    target: 'method',
    actions: [cancel, storeFactors, chooseOnlyMethod, startMethod],
  },
  { guard: isFactorRequired, target: 'choosing', actions: [cancel, storeFactors] },
]
const toMethod: Transitions = [{ actions: [forward] }]
const restart = { 'START.LOGIN': start, 'START.STEPUP': start } as const
const reset: Transitions = [{ target: 'idle', actions: [cancel, clearContext] }]
const leave = {
  RESET: reset,
  CANCEL: [{ target: 'idle', actions: [cancel, callCancel, clearContext] }],
} as const

export const stepUpTransitions: TransitionTable<
  StepUpState,
  StepUpMachineEvent,
  StepUpContext,
  StepUpEnv
> = {
  idle: { ...restart },
  starting: {
    // A second START while starting is a double click: ignored.
    'START.DONE': flowOutcome,
    'START.FAILED': [
      { guard: isUserLocked, target: 'locked', actions: [storeError] },
      { target: 'error', actions: [storeError] },
    ],
    ...leave,
  },
  choosing: { 'METHOD.CHOOSE': pick, ...restart, ...leave },
  method: {
    'METHOD.CHANGED': [
      ...flowOutcome,
      { guard: isUserLockedOut, target: 'locked', actions: [cancel, adoptMethodError] },
      { guard: isFlowGone, target: 'error', actions: [cancel, adoptMethodError] },
      { actions: [syncChild] },
    ],
    'METHOD.CHOOSE': [
      // The same method after an outcome: a new code, as its "send again" (cooldown included).
      { guard: [isCurrentMethod, hasOutcome], actions: [sendAgain] },
      // The same method while it runs (a double click): nothing.
      { guard: isCurrentMethod },
      ...pick,
    ],
    'CODE.SEND': toMethod,
    'CODE.SUBMIT': toMethod,
    'QR.VERIFY': toMethod,
    RETRY: toMethod,
    ...restart,
    ...leave,
  },
  approved: { ...restart, RESET: reset },
  locked: { ...restart, ...leave },
  error: {
    RETRY: [{ guard: hasStarted, target: 'starting', actions: [restartFlow] }],
    ...restart,
    ...leave,
  },
}
