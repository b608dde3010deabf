/** `flow/cancel`: abandons the current flow (clears its cookie); always succeeds. */
import { object, oneOf } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { epochMs } from '../shapes/fields'
import { withDevice } from '../shapes/device-signals'
import { defineKitRoute } from './define-kit-route'

export const flowCancelResponse = object({ status: oneOf('cancelled'), serverTime: epochMs })
export type FlowCancelResponse = Infer<typeof flowCancelResponse>

export const flowCancel = defineKitRoute({
  path: 'flow/cancel',
  clientMethod: 'flowCancel',
  request: withDevice({}),
  response: flowCancelResponse,
  errors: [],
})
