/**
 * What one CENTAGATE endpoint is, as data (API.md section 2), and the building blocks the
 * catalogue files share (the common fields, the two call shapes). The catalogue itself is split
 * by concern: login-endpoints.ts, transaction-endpoints.ts, admin-endpoints.ts.
 */
import type { BasePathId } from '../base-paths'
import type { PayloadKind } from '../payloads'
import { order } from '../signed-order'

export interface FieldDefinition {
  /** JSON key in the request body (camelCase, API.md 5.4). */
  readonly name: string
  /** The server answers 10002 when a required field is missing or empty. */
  readonly required: boolean
  /** What the field carries, briefly. */
  readonly note?: string
}

export interface AlternativeOrder {
  /** Where the order was seen (API.md section 2 source column). */
  readonly source: string
  readonly order: readonly string[]
}

export interface EndpointDefinition<Name extends string = string> {
  readonly name: Name
  readonly title: string
  /** API.md section describing the call. */
  readonly section: string
  readonly method: 'POST' | 'PUT' | 'GET'
  readonly base: BasePathId
  /** Path below the base, with `{param}` placeholders filled from `pathParams`. */
  readonly path: string
  /** Other spellings CENTAGATE is documented to answer on (same base). */
  readonly aliasPaths: readonly string[]
  /** Legacy or variant paths of the same call (API.md 1.1, 5.7). */
  readonly legacyPaths: readonly { readonly base: BasePathId; readonly path: string }[]
  /** `hmac`: app HMAC over `signedOrder`; `cenToken`: admin token; `none`: unsigned. */
  readonly auth: 'hmac' | 'cenToken' | 'none'
  readonly pathParams: readonly string[]
  /** Body fields (without `hmac`). Empty for GET calls. */
  readonly fields: readonly FieldDefinition[]
  /**
   * The evidence-backed default order values are concatenated in for the HMAC (API.md 1.5).
   * Empty unless `auth` is `hmac`.
   */
  readonly signedOrder: readonly string[]
  /**
   * The order of the vendor's Node.js sample for this call (the seed pages' Node samples, API.md's
   * "GH Node" rows), which may equal `signedOrder`; `null` when the vendor published none. A real
   * tenant accepts one order per endpoint; the emulator's `--tenant-orders vendor-samples` accepts
   * exactly this one (the catalogue order where it is `null`).
   */
  readonly vendorSample: AlternativeOrder | null
  /** Every other order the documents show (lenient verification, the doctor's candidates). */
  readonly alternativeOrders: readonly AlternativeOrder[]
  /** Confidence of `signedOrder` in API.md section 2. */
  readonly confidence: 'high' | 'medium' | 'low'
  /** Which decoder reads the success `object`. */
  readonly payload: PayloadKind
  /**
   * How `object` is encoded on success: JSON text inside a string (the authentication API), a
   * real JSON value (some admin calls), or a bare value such as `"2"` (token/getStatus, API.md 1.3).
   */
  readonly objectEncoding: 'json-string' | 'json' | 'bare'
}

export const contextFieldDefinitions: readonly FieldDefinition[] = [
  { name: 'supportFido', required: false, note: '"true"/"false"/"" (lowercase; API.md 5.22)' },
  { name: 'ipAddress', required: false, note: 'end-user IP for the risk engine' },
  { name: 'userAgent', required: false, note: 'end-user browser user agent' },
  { name: 'browserFp', required: false, note: 'browser fingerprint (visitor id)' },
]

export const appFieldDefinitions: readonly FieldDefinition[] = [
  {
    name: 'integrationKey',
    required: true,
    note: 'app integration key (API.md 5.12: always required)',
  },
  { name: 'unixTimestamp', required: true, note: 'seconds since the epoch, as a string' },
]

export const authTokenField = (required = false): FieldDefinition => ({
  name: 'authToken',
  required,
  note: 'latest token of this login; rotates after each step',
})

export const devAccIdField: FieldDefinition = {
  name: 'devAccId',
  required: false,
  note: 'device account id; documented R on v2 pages, but a missing one means the default device (API.md 5.5)',
}

export const cenTokenField: FieldDefinition = {
  name: 'cenToken',
  required: true,
  note: 'HMAC-SHA256(secretCode, adminUsername + authToken) of the admin session (API.md 1.4)',
}

/** A documented order, written the way API.md writes it (`"U, devAccId, TAIL"`). */
export const alt = (source: string, spec: string): AlternativeOrder => ({
  source,
  order: order(spec),
})

/** The shape every v2 authentication call shares: POST, app HMAC, object as JSON text. */
export const hmacCall = {
  auth: 'hmac',
  method: 'POST',
  base: 'v2',
  aliasPaths: [],
  legacyPaths: [],
  pathParams: [],
  objectEncoding: 'json-string',
} as const

/** The shape every admin call shares: PUT on the v1 base, cenToken in the body, no HMAC. */
export const adminCall = {
  auth: 'cenToken',
  method: 'PUT',
  base: 'v1',
  aliasPaths: [],
  legacyPaths: [],
  pathParams: ['adminUsername'],
  signedOrder: [],
  vendorSample: null,
  alternativeOrders: [],
  confidence: 'high',
  objectEncoding: 'json-string',
} as const
