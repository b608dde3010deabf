/**
 * The signed-field orders the documents give for one endpoint, as a list without repeats: what
 * the emulator's lenient mode accepts and what the `centagate-kit doctor` tries against a tenant.
 */
import type { AlternativeOrder, EndpointDefinition } from './endpoint-definition'

/** Source name of the catalogue's own (evidence-backed default) order. */
export const catalogueOrderSource = 'canonical'

/**
 * The one order per endpoint a tenant accepts, as the emulator can pretend:
 * `catalogue` the catalogue's `signedOrder`; `vendor-samples` the vendor's Node.js sample order
 * (the catalogue order where the vendor published none).
 */
export type TenantOrders = 'catalogue' | 'vendor-samples'
export const tenantOrderModes: readonly TenantOrders[] = ['catalogue', 'vendor-samples']

const sameOrder = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((field, index) => field === b[index])

/**
 * Every documented order of `endpoint`, first the catalogue's (source `canonical`), then the
 * vendor's Node.js sample, then the other alternatives; an order already listed is not repeated
 * (its first source names it).
 */
export function documentedOrders(
  endpoint: Pick<EndpointDefinition, 'signedOrder' | 'vendorSample' | 'alternativeOrders'>,
): readonly AlternativeOrder[] {
  const orders: AlternativeOrder[] = [{ source: catalogueOrderSource, order: endpoint.signedOrder }]
  const candidates = [
    ...(endpoint.vendorSample === null
      ? []
      : [{ ...endpoint.vendorSample, source: `vendor sample: ${endpoint.vendorSample.source}` }]),
    ...endpoint.alternativeOrders,
  ]
  for (const candidate of candidates) {
    if (!orders.some((known) => sameOrder(known.order, candidate.order))) orders.push(candidate)
  }
  return orders
}

/** The single order a tenant in `mode` accepts for `endpoint`, with its source. */
export function tenantOrder(
  endpoint: Pick<EndpointDefinition, 'signedOrder' | 'vendorSample'>,
  mode: TenantOrders,
): AlternativeOrder {
  if (mode === 'vendor-samples' && endpoint.vendorSample !== null) {
    return { ...endpoint.vendorSample, source: `vendor sample: ${endpoint.vendorSample.source}` }
  }
  return { source: catalogueOrderSource, order: endpoint.signedOrder }
}
