/**
 * `flow/cancel`: abandons the current flow: its record goes (so the cookie, or a copy of it, opens
 * nothing any more, even while another request of the flow is at work) and its cookie is cleared.
 * Always succeeds: with the store down the record simply expires with the flow.
 */
import type { FlowCancelResponse } from '@centagate-kit/protocol'
import { type RouteContext, clearFlow } from './runtime'

export async function flowCancel(context: RouteContext): Promise<FlowCancelResponse> {
  if (context.flow !== null && context.flow.step === 'factor') {
    try {
      await context.runtime.flows.end(context.flow.fid)
    } catch (error) {
      context.runtime.logger.warn('flow record not deleted on cancel; it expires with the flow', {
        requestId: context.requestId,
        error: error instanceof Error ? error.name : typeof error,
      })
    }
  }
  clearFlow(context)
  return { status: 'cancelled', serverTime: context.now }
}
