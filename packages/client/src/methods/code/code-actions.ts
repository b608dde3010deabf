/** Actions only the code methods (SMS, challenge-response) take. */
import type { Action } from '../../machine/machine-types'
import type { MethodContext, MethodEnv, MethodMachineEvent } from '../method-types'

/** `CODE.EXPIRED` at the code's expiry (server clock), unless cancelled first. */
export const armExpiry: Action<MethodContext, MethodMachineEvent, MethodEnv> = (
  context,
  _,
  env,
) => {
  const expiresAt = context.sent?.expiresAt
  if (expiresAt !== undefined) {
    env.after(env.client.clock.remainingMs(expiresAt), { type: 'CODE.EXPIRED' })
  }
}
