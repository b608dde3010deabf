/** Guards only the QR signing machine uses. */
import type { Guard } from '../../machine/machine-types'
import type { MethodContext, MethodEnv, MethodMachineEvent } from '../method-types'

/** A final QR status from polling. */
export const isPollStatus =
  (status: 'rejected' | 'expired'): Guard<MethodContext, MethodMachineEvent, MethodEnv> =>
  (_, event) =>
    event.type === 'POLL.DONE' && event.response.status === status
