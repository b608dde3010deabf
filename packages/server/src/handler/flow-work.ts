/**
 * How a route works on a running flow: it takes the flow's turn (`flow-records.ts`), works on the
 * newest record, and the turn ends with the record it leaves behind, whatever happened.
 */
import type { KitMethod } from '@centagate-kit/protocol'
import type { HeldFlow } from '../flow/flow-records'
import type { FlowRecord, FlowState, LiveFlow } from '../flow/flow-state'
import { KitFailure } from '../http/kit-failure'
import { type RouteContext, requireFlow } from './runtime'

/** What a route's work on a flow ends with. */
export interface FlowWork<T> {
  answer: T
  /** The record to leave: absent leaves it as it is; `null` ends the flow. */
  next?: FlowRecord | null
  /**
   * When the turn was lost meanwhile (the flow was cancelled, or the lease lapsed and was taken
   * over) and `next` could not be written: `answer` anyway (default), or `no_flow` when the answer
   * would point at state that was not kept (a sent code, a new QR).
   */
  ifLost?: 'answer' | 'no_flow'
}

/** The cookie of a flow proving a factor (its methods are on the record: {@link requireMethod}). */
export function factorFlow(context: RouteContext): FlowState {
  const flow = requireFlow(context)
  if (flow.step !== 'factor') throw new KitFailure('flow_step_invalid')
  return flow
}

/** The methods check every per-method route makes on the record. */
export function requireMethod(flow: LiveFlow, method: KitMethod): void {
  if (!flow.methods.includes(method)) throw new KitFailure('method_unavailable')
}

/**
 * Runs `work` holding the flow. Without `whenBusy` the request waits for its turn (a flow busy for
 * longer than a lease is refused as a verification in progress); with it, a busy flow is answered
 * at once from the record as it stands (polling must not queue).
 */
export async function workOnFlow<T>(
  context: RouteContext,
  facts: FlowState,
  work: (flow: LiveFlow, held: HeldFlow) => Promise<FlowWork<T>>,
  whenBusy?: (flow: LiveFlow) => T,
): Promise<T> {
  const turn = await context.runtime.flows.take(facts.fid, facts.expiresAt, {
    wait: whenBusy === undefined,
  })
  if (turn.state === 'absent') throw new KitFailure('no_flow')
  if (turn.state === 'busy') {
    if (whenBusy !== undefined) return whenBusy({ ...facts, ...turn.record })
    throw new KitFailure('flow_step_invalid', {}, 'kit.verification_in_progress')
  }
  const held = turn.flow
  let outcome: FlowWork<T>
  try {
    outcome = await work({ ...facts, ...held.record }, held)
  } catch (error) {
    // The record stays as the work left it; a failing store must not hide the route's error.
    await held.release().catch(() => false)
    throw error
  }
  const kept = await held.release(outcome.next)
  if (!kept && outcome.ifLost === 'no_flow') throw new KitFailure('no_flow')
  return outcome.answer
}
