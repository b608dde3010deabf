/**
 * `factors/remove`: the identified user removes one of their factors
 * (`token/unregisterActiveToken`). A factor change: it needs a fresh step-up (401
 * `step_up_required`), and the last usable factor is never removed (409 `last_factor`).
 */
import { object, oneOf } from '../schema/descriptors'
import type { Infer } from '../schema/infer'
import { epochMs } from '../shapes/fields'
import { withDevice } from '../shapes/device-signals'
import { defineKitRoute } from './define-kit-route'
import { factorSlot } from './factors-list'
import { actorErrors, upstreamErrors } from './route-errors'

export const factorsRemoveResponse = object({
  status: oneOf('removed'),
  slot: factorSlot,
  serverTime: epochMs,
})
export type FactorsRemoveResponse = Infer<typeof factorsRemoveResponse>

export const factorsRemove = defineKitRoute({
  path: 'factors/remove',
  clientMethod: 'factorsRemove',
  request: withDevice({ slot: factorSlot }),
  response: factorsRemoveResponse,
  errors: [
    'unauthenticated',
    'forbidden',
    'step_up_required',
    'last_factor',
    ...actorErrors,
    ...upstreamErrors,
  ],
})
