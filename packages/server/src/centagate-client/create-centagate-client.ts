/**
 * The typed CENTAGATE client: one method per catalogued endpoint, all built on `call()`, which
 * adds the integration key and timestamp, signs the catalogue's signed order, sends exactly one
 * request (CENTAGATE calls are not idempotent), and turns every outcome into a typed payload or a
 * typed error. Browser-safe: Web fetch, Web Crypto (or node:crypto through the `node` condition
 * of protocol/signing).
 */
import {
  type EndpointDefinition,
  type EndpointName,
  EnvelopeError,
  type PayloadOf,
  decodePayload,
  describeReturnCode,
  endpointPath,
  endpoints,
  parseEnvelope,
} from '@centagate-kit/protocol'
import {
  type HmacSigner,
  canonicalString,
  createHmacSigner,
  describeSignedFields,
} from '@centagate-kit/protocol/signing'
import { sha256Hex } from '../encoding'
import { type Logger, silentLogger } from '../logger'
import {
  type BadResponseReason,
  CentagateCodeError,
  ClockSkewError,
  UpstreamBadResponseError,
  UpstreamHttpError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from './errors'
import {
  BodyTooLargeError,
  type FetchLike,
  UpstreamDeadlineError,
  type UpstreamResponse,
  type UpstreamTransport,
  fetchTransport,
} from './upstream-transport'

export type {
  FetchLike,
  UpstreamRequest,
  UpstreamResponse,
  UpstreamTransport,
} from './upstream-transport'

export interface CentagateClientOptions {
  /** Origin (and optional path prefix) of CENTAGATE, e.g. `https://cloud.example.com`. */
  baseUrl: string
  /** The app's integration key (sent with every authentication call). */
  integrationKey: string
  /** The app's secret key (HMAC key; never sent). */
  secretKey: string
  /**
   * Default: `globalThis.fetch`. (`createCentagateHandler` from `@centagate-kit/server/node` uses
   * a keep-alive undici transport instead unless a `fetch` or `transport` is given.)
   */
  fetch?: FetchLike
  /**
   * How each request is sent, below `fetch` (takes precedence over it); for Node's undici
   * dispatcher (`createNodeTransport()` from `@centagate-kit/server/node`). Default: `fetch`.
   */
  transport?: UpstreamTransport
  /** Per-call timeout in milliseconds, headers and body included. Default 10 000. */
  timeoutMs?: number
  /**
   * Per-endpoint override of the catalogue's signed-field order (API.md 1.5), e.g. what
   * `centagate-kit doctor --json` found for a tenant. Default: none (the catalogue's orders).
   * Validated by `createCentagateHandler` (signed endpoints and their own fields only).
   */
  signedOrder?: Partial<Record<EndpointName, readonly string[]>>
  /** Default: silent. */
  logger?: Logger
  /** Clock in epoch milliseconds. Default `Date.now`. */
  now?: () => number
  /** Response size cap in bytes. Default 65 536. */
  maxResponseBytes?: number
}

/** The body fields a caller may pass to an endpoint (the client adds key, timestamp and hmac). */
export type EndpointFields<N extends EndpointName> = Partial<
  Record<
    Exclude<(typeof endpoints)[N]['fields'][number]['name'], 'integrationKey' | 'unixTimestamp'>,
    string
  >
>

export type EndpointPayload<N extends EndpointName> = PayloadOf<(typeof endpoints)[N]['payload']>

export type EndpointMethods = {
  [N in EndpointName]: (
    fields: EndpointFields<N>,
    pathParams?: Readonly<Record<string, string>>,
  ) => Promise<EndpointPayload<N>>
}

export interface CentagateClient extends EndpointMethods {
  /** The generic call every typed method uses. */
  call<N extends EndpointName>(
    name: N,
    fields: EndpointFields<N>,
    pathParams?: Readonly<Record<string, string>>,
  ): Promise<EndpointPayload<N>>
}

const defaultTimeoutMs = 10_000
const defaultMaxResponseBytes = 64 * 1024

const knownFieldSets = new Map<string, ReadonlySet<string>>()
/** The body fields an endpoint takes (built once per endpoint, not per call). */
function knownFields(endpoint: EndpointDefinition): ReadonlySet<string> {
  let known = knownFieldSets.get(endpoint.name)
  if (known === undefined) {
    known = new Set(endpoint.fields.map((field) => field.name))
    knownFieldSets.set(endpoint.name, known)
  }
  return known
}

export function createCentagateClient(options: CentagateClientOptions): CentagateClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const transport: UpstreamTransport =
    options.transport ??
    fetchTransport(options.fetch ?? ((input, init) => globalThis.fetch(input, init)))
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs
  const logger = options.logger ?? silentLogger
  const now = options.now ?? Date.now
  const maxBytes = options.maxResponseBytes ?? defaultMaxResponseBytes
  const signer: HmacSigner = createHmacSigner(options.secretKey)

  async function buildBody(
    endpoint: EndpointDefinition,
    fields: Readonly<Record<string, string | undefined>>,
  ): Promise<{ body: Record<string, string>; order: readonly string[] }> {
    const known = knownFields(endpoint)
    const body: Record<string, string> = {}
    for (const [name, value] of Object.entries(fields)) {
      if (known.has(name) && typeof value === 'string') body[name] = value
    }
    if (endpoint.auth !== 'hmac') return { body, order: [] }
    body.integrationKey = options.integrationKey
    body.unixTimestamp = String(Math.floor(now() / 1000))
    const order = options.signedOrder?.[endpoint.name as EndpointName] ?? endpoint.signedOrder
    // Every signed field travels as a string, even empty (API.md 1.5 recommendation).
    for (const name of order) body[name] ??= ''
    body.hmac = await signer.signFields(order, body)
    return { body, order }
  }

  async function call<N extends EndpointName>(
    name: N,
    fields: EndpointFields<N>,
    pathParams: Readonly<Record<string, string>> = {},
  ): Promise<EndpointPayload<N>> {
    const endpoint: EndpointDefinition = endpoints[name]
    const url = `${baseUrl}${endpointPath(endpoint, pathParams)}`
    const { body, order } = await buildBody(
      endpoint,
      fields as Readonly<Record<string, string | undefined>>,
    )
    const started = now()
    let response: UpstreamResponse
    try {
      response = await transport({
        url,
        method: endpoint.method,
        headers:
          endpoint.method === 'GET'
            ? { accept: 'application/json' }
            : { 'content-type': 'application/json', accept: 'application/json' },
        ...(endpoint.method === 'GET' ? {} : { body: JSON.stringify(body) }),
        timeoutMs,
      })
    } catch (error) {
      if (error instanceof UpstreamDeadlineError) {
        throw new UpstreamTimeoutError(name, `${name}: upstream timeout`)
      }
      throw new UpstreamUnavailableError(name, `${name}: upstream unavailable`, { cause: error })
    }
    const bad = (reason: BadResponseReason, cause?: unknown) =>
      new UpstreamBadResponseError(name, reason, cause === undefined ? undefined : { cause })

    if (response.redirect) {
      await response.discard()
      throw bad('redirect')
    }
    if (response.status !== 200) {
      await response.discard()
      throw new UpstreamHttpError(name, response.status)
    }
    let text: string
    try {
      text = await response.text(maxBytes)
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw bad('oversized')
      if (error instanceof UpstreamDeadlineError) {
        throw new UpstreamTimeoutError(name, `${name}: upstream timeout`)
      }
      throw bad('truncated', error)
    }
    const contentType = response.header('content-type') ?? ''
    if (/text\/html/i.test(contentType)) throw bad('html')

    let envelope
    try {
      envelope = parseEnvelope(text)
    } catch (error) {
      if (error instanceof EnvelopeError) throw bad(error.reason)
      throw error
    }
    logger.debug('centagate call', { endpoint: name, code: envelope.code, ms: now() - started })

    if (envelope.code !== '0') {
      if (envelope.code === '23023') {
        const date = Date.parse(response.header('date') ?? '')
        const offsetMs = Number.isFinite(date) ? date - now() : undefined
        logger.error('centagate clock skew (23023)', { endpoint: name, offsetMs })
        throw new ClockSkewError(name, offsetMs)
      }
      if (envelope.code === '23022') {
        // Names, lengths and a digest only: the values include the OTP and authToken.
        logger.error('centagate rejected the signature (23022)', {
          endpoint: name,
          signedFields: describeSignedFields(order, body),
          canonicalSha256: await sha256Hex(canonicalString(order, body)),
        })
      }
      const info = describeReturnCode(envelope.code)
      throw new CentagateCodeError(
        name,
        info.code,
        info.key,
        info.category,
        info.retryable,
        info.code === '23002' ? envelope.object : undefined,
      )
    }
    try {
      return decodePayload(
        endpoint as EndpointDefinition & { payload: (typeof endpoints)[N]['payload'] },
        envelope,
      ) as EndpointPayload<N>
    } catch (error) {
      if (error instanceof EnvelopeError) throw bad(error.reason)
      throw error
    }
  }

  const methods = Object.fromEntries(
    (Object.keys(endpoints) as EndpointName[]).map((name) => [
      name,
      (fields: EndpointFields<typeof name>, pathParams?: Readonly<Record<string, string>>) =>
        call(name, fields, pathParams),
    ]),
  ) as unknown as EndpointMethods

  return { ...methods, call }
}
