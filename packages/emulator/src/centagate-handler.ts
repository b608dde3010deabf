/**
 * One CENTAGATE request, checked in the order a client can rely on (brief, API.md section 4):
 * path (HTTP 404) -> JSON (10002) -> integration key (23024) -> required fields (10002; "" is
 * missing) -> timestamp window (23023; non-numeric 10002) -> HMAC (23022) -> business logic.
 * Admin calls: path -> JSON -> required fields -> cenToken (10001) -> business logic.
 */
import {
  type EndpointDefinition,
  type EndpointName,
  type TenantOrders,
  requiredFields,
} from '@centagate-kit/protocol'
import { createHmacSigner, verifyEndpointFields } from '@centagate-kit/protocol/signing'
import type { EmulatorClock } from './clock'
import { type EnvelopeObject, envelopeReply, signedOrderHeader } from './envelope'
import { authoriseAdmin } from './handlers/admin'
import type { CallContext } from './handlers/context'
import { handlers } from './handlers/index'
import { parseRequestFields } from './request-fields'
import type { EmulatorReply } from './reply'
import type { RouteMatch } from './routing'
import type { EmulatorSettings } from './settings'
import type { EmulatorState } from './state/state-schema'

export interface CentagateCall {
  readonly route: RouteMatch
  readonly method: string
  readonly bodyText: string
  readonly state: EmulatorState
  readonly settings: EmulatorSettings
  readonly clock: EmulatorClock
  readonly lenient: boolean
  /** The one order strict mode accepts per endpoint (catalogue or vendor sample). */
  readonly tenantOrders: TenantOrders
}

/** Picks the endpoint among the path's candidates (the QR spellings: by `isTransaction`). */
export function chooseEndpoint(
  route: RouteMatch,
  bodyText: string,
): EndpointDefinition<EndpointName> {
  const [first, ...others] = route.candidates
  if (!first) throw new Error('route without endpoint')
  if (others.length === 0) return first
  const parsed = parseRequestFields(bodyText, true)
  const transaction = parsed.ok && parsed.fields.isTransaction === '1'
  const wanted: EndpointName = transaction ? 'authQRCode' : 'authQrCode'
  return route.candidates.find((candidate) => candidate.name === wanted) ?? first
}

// Up to 15 digits: a millisecond timestamp is numeric but far outside the window (23023).
const numeric = /^\d{1,15}$/

export async function handleCentagateCall(
  call: CentagateCall,
  endpoint: EndpointDefinition<EndpointName>,
): Promise<EmulatorReply> {
  const { route, state, settings, clock, lenient, tenantOrders } = call
  const now = clock.now()
  const answer = (code: string, object?: EnvelopeObject, headers: Record<string, string> = {}) =>
    envelopeReply(endpoint, code, object, headers)

  if (call.method !== endpoint.method) {
    return {
      status: 405,
      headers: { allow: endpoint.method, 'content-type': 'text/plain' },
      body: 'Method Not Allowed',
    }
  }
  const parsed =
    endpoint.method === 'GET'
      ? { ok: true as const, fields: {} }
      : parseRequestFields(call.bodyText, lenient)
  if (!parsed.ok) return answer('10002')
  const fields = parsed.fields
  const context: CallContext = {
    state,
    settings,
    clock,
    now,
    endpoint,
    fields,
    pathParams: route.pathParams,
  }
  const missing = requiredFields(endpoint).filter((name) => (fields[name] ?? '') === '')

  if (endpoint.auth === 'cenToken') {
    if (missing.length > 0) return answer('10002')
    // listMultipleUserDevice carries its cenToken in the path and checks it itself.
    if (endpoint.pathParams.includes('adminUsername') && !(await authoriseAdmin(context))) {
      return answer('10001')
    }
    const outcome = await handlers[endpoint.name](context)
    return answer(outcome.code, outcome.object)
  }

  const app = state.apps.find(
    (candidate) => candidate.integrationKey === (fields.integrationKey ?? ''),
  )
  if (!app) return answer('23024')
  if (missing.length > 0) return answer('10002')
  const timestamp = fields.unixTimestamp ?? ''
  if (!numeric.test(timestamp)) return answer('10002')
  if (Math.abs(Math.floor(now / 1000) - Number(timestamp)) > settings.timestampWindowSeconds) {
    return answer('23023')
  }
  let signedBy: string | null = null
  if (endpoint.auth === 'hmac') {
    signedBy = await verifyEndpointFields(
      createHmacSigner(app.secretKey),
      endpoint,
      fields,
      fields.hmac,
      { lenient, tenantOrders },
    )
    if (signedBy === null) return answer('23022')
  }
  const headers: Record<string, string> = signedBy === null ? {} : { [signedOrderHeader]: signedBy }
  const outcome = await handlers[endpoint.name](context)
  // Only requestSmsOtp's 23002 carries an object on failure (API.md 1.3).
  const object = outcome.code === '0' || outcome.code === '23002' ? outcome.object : undefined
  return answer(outcome.code, object, headers)
}
