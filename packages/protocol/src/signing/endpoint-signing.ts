import {
  type TenantOrders,
  documentedOrders,
  tenantOrder,
} from '../centagate/catalogue/documented-orders'
import type { EndpointDefinition } from '../centagate/catalogue/endpoint-definition'
import type { FieldValues } from './canonical-string'
import type { HmacSigner } from './create-signing'

/**
 * The `hmac` of a request to `endpoint`, over its catalogued signed order (or `order` when the
 * server is configured with a per-endpoint override).
 */
export function signEndpointFields(
  signer: HmacSigner,
  endpoint: Pick<EndpointDefinition, 'signedOrder'>,
  fields: FieldValues,
  order: readonly string[] = endpoint.signedOrder,
): Promise<string> {
  return signer.signFields(order, fields)
}

export interface VerifyOrderOptions {
  /** Accept every documented order (catalogue, vendor sample, alternatives). Default false. */
  lenient?: boolean
  /**
   * Without `lenient`, the one order accepted: the catalogue's (`catalogue`, default) or the
   * vendor's Node.js sample order (`vendor-samples`), as a real tenant accepts one order.
   */
  tenantOrders?: TenantOrders
}

/**
 * Verifies a request's `hmac` against the one order a tenant accepts or, when `lenient`, against
 * every documented order. Returns the source of the order that matched (`canonical` for the
 * catalogue's own), or `null`.
 */
export async function verifyEndpointFields(
  signer: HmacSigner,
  endpoint: Pick<EndpointDefinition, 'signedOrder' | 'vendorSample' | 'alternativeOrders'>,
  fields: FieldValues,
  hmac: unknown,
  options: VerifyOrderOptions = {},
): Promise<string | null> {
  if (options.lenient) {
    for (const candidate of documentedOrders(endpoint)) {
      if (await signer.verifyFields(candidate.order, fields, hmac)) return candidate.source
    }
    return null
  }
  const accepted = tenantOrder(endpoint, options.tenantOrders ?? 'catalogue')
  return (await signer.verifyFields(accepted.order, fields, hmac)) ? accepted.source : null
}
