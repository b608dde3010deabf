import type { EndpointDefinition } from '../centagate/endpoints'
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

/**
 * Verifies a request's `hmac` against the canonical order and, when `lenient`, against every
 * alternative order the documents show. Returns the source of the order that matched, or `null`.
 */
export async function verifyEndpointFields(
  signer: HmacSigner,
  endpoint: Pick<EndpointDefinition, 'signedOrder' | 'alternativeOrders'>,
  fields: FieldValues,
  hmac: unknown,
  options: { lenient?: boolean } = {},
): Promise<string | null> {
  if (await signer.verifyFields(endpoint.signedOrder, fields, hmac)) return 'canonical'
  if (!options.lenient) return null
  for (const alternative of endpoint.alternativeOrders) {
    if (await signer.verifyFields(alternative.order, fields, hmac)) return alternative.source
  }
  return null
}
