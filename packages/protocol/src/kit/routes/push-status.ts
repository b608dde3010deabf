/**
 * `push/status`: polls whether the user approved the push in the CENTAGATE app. Answers like
 * `qr/status`: pending (with the delay before the next poll, also as `Retry-After`), rejected,
 * expired, or the flow moved on.
 */
import { withDevice } from '../shapes/device-signals'
import { defineKitRoute } from './define-kit-route'
import { qrStatusResponse } from './qr-status'
import { actorErrors, flowErrors, upstreamErrors, verifyErrors } from './route-errors'

/** The same answers as `qr/status`. */
export const pushStatusResponse = qrStatusResponse

export const pushStatus = defineKitRoute({
  path: 'push/status',
  clientMethod: 'pushStatus',
  request: withDevice({}),
  response: pushStatusResponse,
  errors: [...flowErrors, ...verifyErrors, ...actorErrors, ...upstreamErrors],
  retryAfter: true,
})
