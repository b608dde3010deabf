/**
 * `centagate-kit doctor`: finds, per signed endpoint, the field order a CENTAGATE tenant verifies
 * its HMAC in, by trying each documented order (catalogue, vendor Node sample, every alternative of
 * API.md section 2) on harmless calls (./probe-fields.ts) until one is not refused with 23022.
 *
 * Each endpoint first gets a negative control, a request with a wrong hmac: only when that answers
 * 23022 does "not 23022" mean "signature accepted"; otherwise the endpoint checks something else
 * first and the doctor says it cannot tell (inconclusive). At most one SMS can go out: once an SMS
 * endpoint answered success, the other is skipped. Browser-safe (fetch and Web Crypto).
 */
import {
  type EndpointDefinition,
  type EndpointName,
  type Envelope,
  documentedOrders,
  endpointList,
  endpointPath,
  parseEnvelope,
} from '@centagate-kit/protocol'
import { type HmacSigner, createHmacSigner } from '@centagate-kit/protocol/signing'
import { randomId } from '../encoding'
import { type ProbeContext, probeRequest } from './probe-fields'

export interface DoctorOptions {
  /** Origin (and optional path prefix) of CENTAGATE. */
  baseUrl: string
  integrationKey: string
  secretKey: string
  /** The test user: a correct password logs them in once (harmless); codes sent are wrong ones. */
  username: string
  password: string
  /** Default `globalThis.fetch`. */
  fetch?: (input: string, init: RequestInit) => Promise<Response>
  /** Per request, default 10 000 ms. */
  timeoutMs?: number
  /** Clock in epoch ms for `unixTimestamp`. Default `Date.now`. */
  now?: () => number
  /** Called after each endpoint (progress). */
  onFinding?: (finding: EndpointFinding) => void
}

export type FindingOutcome = 'found' | 'unresolved' | 'inconclusive' | 'skipped'

export interface EndpointFinding {
  endpoint: EndpointName
  outcome: FindingOutcome
  /** `found`: the order the tenant accepts. */
  order?: readonly string[]
  /** `found`: where that order is documented (`canonical` = the kit's default). */
  source?: string
  /** The return code of the accepted probe, or of the control when inconclusive (`HTTP 404`...). */
  answer?: string
  /** Why an endpoint is inconclusive or skipped. */
  note?: string
  /** Requests sent for this endpoint. */
  requests: number
}

export interface DoctorReport {
  findings: EndpointFinding[]
  /** `centagate.signedOrder` for the handler: every found endpoint's order. */
  signedOrder: Partial<Record<EndpointName, string[]>>
  /** Endpoints whose found order is not the kit's default. */
  differing: EndpointName[]
  /** SMS that may have gone out (a request SMS call answered success): 0 or 1. */
  smsSent: number
  requests: number
}

/** The run cannot go on: CENTAGATE is unreachable, refuses the app, or is not CENTAGATE. */
export class DoctorAbort extends Error {
  override readonly name = 'DoctorAbort'
}

/** Calls that send an SMS when they succeed. */
const smsEndpoints = new Set<EndpointName>(['requestSmsOtp', 'requestSmsTransOtp'])

type Answer = { kind: 'envelope'; envelope: Envelope } | { kind: 'http'; status: number }

/** A well-formed authToken (Base64 of 32 random bytes, like CENTAGATE's) that was never issued. */
function unknownAuthToken(): string {
  return `${randomId(32).replace(/-/g, '+').replace(/_/g, '/')}=`
}

/** Why the first call (authBasic with a wrong hmac) did not answer 23022. */
function loginRefusal(baseUrl: string, finding: EndpointFinding): string {
  if (finding.answer === '23024') {
    return 'CENTAGATE does not know this integration key (23024): check CENTAGATE_INTEGRATION_KEY'
  }
  if (finding.answer === '23023') {
    return "CENTAGATE refused the request time (23023): check this machine's clock"
  }
  if (finding.answer?.startsWith('HTTP') || finding.answer === undefined) {
    return `${baseUrl} did not answer auth/authBasic like CENTAGATE (${finding.answer ?? 'no answer'})`
  }
  return `auth/authBasic answered ${finding.answer} to a wrong signature: cannot probe this tenant`
}

const describeAnswer = (answer: Answer) =>
  answer.kind === 'envelope' ? answer.envelope.code : `HTTP ${answer.status}`

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const timeoutMs = options.timeoutMs ?? 10_000
  const now = options.now ?? Date.now
  const signer: HmacSigner = createHmacSigner(options.secretKey)
  let requests = 0

  async function call(
    endpoint: EndpointDefinition<EndpointName>,
    fields: Record<string, string>,
    pathParams: Record<string, string>,
    order: readonly string[] | 'wrong-hmac',
  ): Promise<Answer> {
    const body: Record<string, string> = {
      ...fields,
      integrationKey: options.integrationKey,
      unixTimestamp: String(Math.floor(now() / 1000)),
    }
    body.hmac = order === 'wrong-hmac' ? '0'.repeat(64) : await signer.signFields(order, body)
    requests += 1
    let response: Response
    try {
      response = await send(`${baseUrl}${endpointPath(endpoint, pathParams)}`, {
        method: endpoint.method,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${timeoutMs} ms`
          : 'connection failed'
      throw new DoctorAbort(`cannot reach CENTAGATE at ${baseUrl} (${reason})`)
    }
    const text = await response.text()
    if (response.status !== 200) return { kind: 'http', status: response.status }
    try {
      return { kind: 'envelope', envelope: parseEnvelope(text) }
    } catch {
      return { kind: 'http', status: response.status }
    }
  }

  async function probe(
    endpoint: EndpointDefinition<EndpointName>,
    context: ProbeContext,
    onAccepted?: (envelope: Envelope) => void,
  ): Promise<EndpointFinding> {
    const before = requests
    const { fields, pathParams } = probeRequest(endpoint, context)
    const control = await call(endpoint, fields, pathParams, 'wrong-hmac')
    if (control.kind !== 'envelope' || control.envelope.code !== '23022') {
      return {
        endpoint: endpoint.name,
        outcome: 'inconclusive',
        answer: describeAnswer(control),
        note: 'a request with a wrong hmac was not refused with 23022: the tenant checks something else first',
        requests: requests - before,
      }
    }
    for (const candidate of documentedOrders(endpoint)) {
      const answer = await call(endpoint, fields, pathParams, candidate.order)
      if (answer.kind === 'envelope' && answer.envelope.code === '23022') continue
      if (answer.kind === 'envelope') onAccepted?.(answer.envelope)
      return {
        endpoint: endpoint.name,
        outcome: answer.kind === 'envelope' ? 'found' : 'inconclusive',
        ...(answer.kind === 'envelope' ? { order: candidate.order, source: candidate.source } : {}),
        answer: describeAnswer(answer),
        ...(answer.kind === 'envelope' ? {} : { note: 'the answer was not a CENTAGATE envelope' }),
        requests: requests - before,
      }
    }
    return {
      endpoint: endpoint.name,
      outcome: 'unresolved',
      note: 'every documented order was refused with 23022',
      requests: requests - before,
    }
  }

  const findings: EndpointFinding[] = []
  const report = (finding: EndpointFinding) => {
    findings.push(finding)
    options.onFinding?.(finding)
  }
  const context: ProbeContext = {
    username: options.username,
    password: options.password,
    devAccId: '0'.repeat(32),
    unknownToken: unknownAuthToken(),
    transactionId: `doctor-${randomId(8)}`,
  }

  // authBasic first: it proves the app's credentials, and its answer names the user's device.
  const authBasic = endpointList.find((endpoint) => endpoint.name === 'authBasic')!
  const login = await probe(authBasic, context, (envelope) => {
    const object = envelope.object as { defAccId?: unknown } | undefined
    if (typeof object?.defAccId === 'string' && object.defAccId !== '') {
      context.devAccId = object.defAccId
    }
  })
  if (login.outcome === 'inconclusive') throw new DoctorAbort(loginRefusal(baseUrl, login))
  if (login.outcome === 'unresolved') {
    throw new DoctorAbort(
      'CENTAGATE refused every documented signature of auth/authBasic (23022): check CENTAGATE_SECRET_KEY',
    )
  }
  report(login)

  let smsSent = 0
  for (const endpoint of endpointList) {
    if (endpoint.auth !== 'hmac' || endpoint.name === 'authBasic') continue
    if (smsEndpoints.has(endpoint.name) && smsSent > 0) {
      report({
        endpoint: endpoint.name,
        outcome: 'skipped',
        note: 'an SMS may already have gone out; the doctor never sends a second one',
        requests: 0,
      })
      continue
    }
    report(
      await probe(endpoint, context, (envelope) => {
        if (smsEndpoints.has(endpoint.name) && envelope.code === '0') smsSent += 1
      }),
    )
  }

  const signedOrder: Partial<Record<EndpointName, string[]>> = {}
  const differing: EndpointName[] = []
  for (const finding of findings) {
    if (finding.outcome !== 'found' || finding.order === undefined) continue
    signedOrder[finding.endpoint] = [...finding.order]
    if (finding.source !== 'canonical') differing.push(finding.endpoint)
  }
  return { findings, signedOrder, differing, smsSent, requests }
}
