/**
 * `qr/status`: polls whether the user approved the QR in the CENTAGATE app. Pending answers carry
 * the delay before the next poll (also as `Retry-After`); an approval moves the flow on.
 */
import { object, oneOf, union } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { epochMs } from '../shapes/fields'
import { withDevice } from '../shapes/device-signals'
import { flowResponse } from '../shapes/flow-response'
import { defineKitRoute } from './define-kit-route'
import { pollDelay } from './qr-send'
import { actorErrors, flowErrors, upstreamErrors, verifyErrors } from './route-errors'

export const qrStatusResponse = union('status', [
  object({
    status: oneOf('pending'),
    expiresAt: epochMs,
    /** When to poll again (also sent as `Retry-After`). */
    pollAfterMs: pollDelay,
    serverTime: epochMs,
  }),
  object({ status: oneOf('rejected'), serverTime: epochMs }),
  object({ status: oneOf('expired'), serverTime: epochMs }),
  ...flowResponse.options,
])
export type QrStatusResponse = Infer<typeof qrStatusResponse>

export const qrStatus = defineKitRoute({
  path: 'qr/status',
  clientMethod: 'qrStatus',
  request: withDevice({}),
  response: qrStatusResponse,
  errors: [...flowErrors, ...verifyErrors, ...actorErrors, ...upstreamErrors],
  retryAfter: true,
})
