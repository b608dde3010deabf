/** Push approval: `push/send`, then `push/status` polling until approved, rejected or expired. */
import type { PushSendResponse } from '@centagate-kit/protocol'
import type { Machine } from '../../machine/machine-types'
import { createMethodMachine } from '../create-method-machine'
import type {
  MethodCalls,
  MethodEvent,
  MethodMachineOptions,
  MethodSnapshot,
} from '../method-types'
import { type PushState, pushTransitions } from './push-transitions'

export type PushSnapshot = MethodSnapshot<PushState, 'push', PushSendResponse>
export type PushMachine = Machine<PushSnapshot, MethodEvent>

const pushCalls: MethodCalls = {
  method: 'push',
  field: 'code',
  send: (client, options) => client.pushSend(options),
  // Nothing is typed for a push: the table never verifies.
  verify: () => Promise.reject(new Error('a push has no code to verify')),
  poll: (client, options) => client.pushStatus(options),
}

/**
 * Creates a push approval machine for an existing flow; `CODE.SEND` sends a (new) push to the
 * CENTAGATE app and starts polling, which pauses while the page is hidden and stops at the push's
 * expiry, on a new push, or on `dispose()`.
 *
 * @example
 * const push = createPushMachine({ client, onAuthenticated: () => location.assign('/done') })
 * push.send({ type: 'CODE.SEND' })
 */
export function createPushMachine(options: MethodMachineOptions): PushMachine {
  return createMethodMachine(pushTransitions, pushCalls, options)
}
