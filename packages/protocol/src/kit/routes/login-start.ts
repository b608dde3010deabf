/**
 * `login/start`: a password login (CENTAGATE `authBasic`), or a passwordless start (`adaptive`,
 * when the server allows it). Answers the second factors the user may use, or `authenticated` when
 * CENTAGATE needs none.
 */
import { optional, text } from '../schema/descriptors'
import { withDevice } from '../shapes/device-signals'
import { flowResponse } from '../shapes/flow-response'
import { defineKitRoute } from './define-kit-route'
import { actorErrors, upstreamErrors } from './route-errors'

/**
 * A CENTAGATE username, trimmed: printable, no control characters, no separators that break
 * paths.
 */
export const username = text(1, 64, { trim: true, pattern: /^[\p{L}\p{N}._@+-]+$/u })

export const loginStart = defineKitRoute({
  path: 'login/start',
  clientMethod: 'loginStart',
  request: withDevice({
    username,
    /** Password for a CENTAGATE password login; omitted for a passwordless (adaptive) start. */
    password: optional(text(1, 256)),
  }),
  response: flowResponse,
  errors: [
    'invalid_credentials',
    'rejected',
    // the password was right but the user has no second factor: a flow to enrol one is kept
    'not_enrolled',
    ...actorErrors,
    ...upstreamErrors,
  ],
})
