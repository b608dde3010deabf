/**
 * `app/activation/status`: whether the identified user's CENTAGATE app activation completed
 * (`token/getStatus` type 1): `pending` while the app has not scanned and confirmed, `activated`
 * once it has, `none` when no activation is under way (expired or replaced).
 */
import { object, oneOf } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { epochMs } from '../shapes/fields'
import { withDevice } from '../shapes/device-signals'
import { defineKitRoute } from './define-kit-route'
import { upstreamErrors } from './route-errors'

export const appActivationStatusResponse = object({
  status: oneOf('pending', 'activated', 'none'),
  serverTime: epochMs,
})
export type AppActivationStatusResponse = Infer<typeof appActivationStatusResponse>

export const appActivationStatus = defineKitRoute({
  path: 'app/activation/status',
  clientMethod: 'appActivationStatus',
  request: withDevice({}),
  response: appActivationStatusResponse,
  errors: ['unauthenticated', 'forbidden', ...upstreamErrors],
})
