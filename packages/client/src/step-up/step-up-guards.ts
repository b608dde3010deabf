/** Guards of the step-up machine. */
import type { FlowResponse } from '@centagate-kit/protocol'
import type { Guard } from '../machine/machine-types'
import type { StepUpContext, StepUpEnv, StepUpMachineEvent } from './step-up-types'

type StepUpGuard = Guard<StepUpContext, StepUpMachineEvent, StepUpEnv>

/** The flow answer to act on: `stepup/start`'s, or the one the method machine was approved with. */
export function flowResponseOf(
  context: StepUpContext,
  event: StepUpMachineEvent,
): FlowResponse | undefined {
  if (event.type === 'START.DONE') return event.response
  const child = context.machine?.getSnapshot()
  return event.type === 'METHOD.CHANGED' && child?.state === 'approved' ? child.result : undefined
}

export const isAuthenticated: StepUpGuard = (context, event) =>
  flowResponseOf(context, event)?.status === 'authenticated'
export const isFactorRequired: StepUpGuard = (context, event) =>
  flowResponseOf(context, event)?.status === 'factor_required'
/** Exactly one method: nothing to choose. (SMS is never pre-selected when another exists.) */
export const hasExactlyOneMethod: StepUpGuard = (context, event) => {
  const response = flowResponseOf(context, event)
  return response?.status === 'factor_required' && response.methods.length === 1
}
export const isOfferedMethod: StepUpGuard = (context, event) =>
  event.type === 'METHOD.CHOOSE' && context.methods.some((m) => m.method === event.method)
export const isCurrentMethod: StepUpGuard = (context, event) =>
  event.type === 'METHOD.CHOOSE' && context.method === event.method
/** The method machine reached an outcome (denied, expired, a challenge lock, an error). */
export const hasOutcome: StepUpGuard = (context) =>
  ['denied', 'expired', 'locked', 'error'].includes(context.child?.state ?? '')
/** The method machine's user is locked out: the whole flow is. */
export const isUserLockedOut: StepUpGuard = (context) => {
  const child = context.machine?.getSnapshot()
  return child?.state === 'locked' && child.lockScope === 'user'
}
/** The server lost the flow (its cookie expired): only a fresh start helps. */
export const isFlowGone: StepUpGuard = (context) =>
  context.machine?.getSnapshot().error?.code === 'no_flow'
export const hasStarted: StepUpGuard = (context) => context.start !== undefined
