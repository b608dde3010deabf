/**
 * The CENTAGATE endpoint catalogue as data: every call the kit uses (API.md 1.9, 2.20), with
 * method, base path, path template, body fields, the signed-field order (the evidence-backed
 * default of API.md 1.5), the vendor's Node.js sample order and the other orders the vendor
 * documents show. The signing server signs and the emulator verifies from this one table, so the
 * two cannot drift. The entries live in catalogue/, split by concern.
 */
import type { BasePathId } from './base-paths'
import { basePaths } from './base-paths'
import { adminEndpoints } from './catalogue/admin-endpoints'
import type { EndpointDefinition } from './catalogue/endpoint-definition'
import { loginEndpoints } from './catalogue/login-endpoints'
import { transactionEndpoints } from './catalogue/transaction-endpoints'

export type {
  AlternativeOrder,
  EndpointDefinition,
  FieldDefinition,
} from './catalogue/endpoint-definition'
export { factorTypeCodes, type FactorTypeName } from './catalogue/admin-endpoints'
export {
  type TenantOrders,
  catalogueOrderSource,
  documentedOrders,
  tenantOrder,
  tenantOrderModes,
} from './catalogue/documented-orders'

export const endpoints = {
  ...loginEndpoints,
  ...transactionEndpoints,
  ...adminEndpoints,
} as const satisfies Record<string, EndpointDefinition>

export type EndpointName = keyof typeof endpoints
export type Endpoint<N extends EndpointName = EndpointName> = (typeof endpoints)[N]

/** Every endpoint, in catalogue order. */
export const endpointList: readonly EndpointDefinition<EndpointName>[] = Object.values(endpoints)

/** The documented fields that travel in the body but are not part of the HMAC. */
export function unsignedFields(endpoint: EndpointDefinition): readonly string[] {
  const signed = new Set(endpoint.signedOrder)
  return endpoint.fields.map((field) => field.name).filter((name) => !signed.has(name))
}

/** The names of the required body fields. */
export function requiredFields(endpoint: EndpointDefinition): readonly string[] {
  return endpoint.fields.filter((field) => field.required).map((field) => field.name)
}

/**
 * The request path (base + path) with its parameters filled in and URL-encoded.
 * @throws TypeError when a path parameter is missing or empty.
 */
export function endpointPath(
  endpoint: EndpointDefinition,
  params: Readonly<Record<string, string>> = {},
  base: BasePathId = endpoint.base,
): string {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined || value === '') {
      throw new TypeError(`${endpoint.name}: path parameter "${name}" is required`)
    }
    return encodeURIComponent(value)
  })
  return `${basePaths[base]}/${path}`
}
