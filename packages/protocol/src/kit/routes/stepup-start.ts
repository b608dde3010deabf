/**
 * `stepup/start`: the signed-in user (from the app's `identify` hook, never from the browser)
 * steps up, optionally for an app transaction whose details come from the server's
 * `getTransaction`. Answers the second factors the user may use.
 */
import { optional } from '../schema/descriptors'
import { transactionId } from '../shapes/fields'
import { withDevice } from '../shapes/device-signals'
import { flowResponse } from '../shapes/flow-response'
import { defineKitRoute } from './define-kit-route'
import { actorErrors, upstreamErrors } from './route-errors'

export const stepUpStart = defineKitRoute({
  path: 'stepup/start',
  clientMethod: 'stepUpStart',
  request: withDevice({
    /** The app transaction to sign; its details come from `getTransaction`, never from here. */
    transactionId: optional(transactionId),
  }),
  response: flowResponse,
  errors: [
    'unauthenticated',
    'transaction_not_found',
    'transaction_invalid',
    'rejected',
    'not_enrolled',
    ...actorErrors,
    ...upstreamErrors,
  ],
})
