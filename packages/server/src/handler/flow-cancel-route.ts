/** `flow/cancel`: abandons the current flow by clearing its cookie; always succeeds. */
import type { FlowCancelResponse } from '@centagate-kit/protocol'
import { type RouteContext, clearFlow } from './runtime'

export function flowCancel(context: RouteContext): Promise<FlowCancelResponse> {
  clearFlow(context)
  return Promise.resolve({ status: 'cancelled', serverTime: context.now })
}
