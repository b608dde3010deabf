/**
 * A tiny CENTAGATE client for the emulator's own tests, written from API.md with protocol/signing
 * (never @centagate-kit/server: the emulator must stay independent of the code it tests). The
 * control API client is ./emulator-control.ts.
 */
import {
  type BasePathId,
  type EndpointName,
  endpointPath,
  endpoints,
  parseEnvelope,
} from '@centagate-kit/protocol'
import { computeCenToken, createHmacSigner } from '@centagate-kit/protocol/signing'

/** The catalogue's admin (cenToken) calls. */
export type AdminEndpointName = {
  [N in EndpointName]: (typeof endpoints)[N]['auth'] extends 'cenToken' ? N : never
}[EndpointName]

export interface CallResult {
  status: number
  headers: Headers
  code: string
  /** The envelope `object`, parsed a second time. */
  object: Record<string, unknown>
  /** A string member of `object` (`""` when absent). */
  text(name: string): string
  raw: unknown
}

export interface CallOptions {
  /** Sign in this order instead of the catalogue's. */
  order?: readonly string[]
  /** Use this exact hmac. */
  hmac?: string
  pathParams?: Record<string, string>
  base?: BasePathId
  /** Request path below the base, e.g. an alias spelling. */
  path?: string
  /** Leave the timestamp as given in fields. */
  keepTimestamp?: boolean
}

export interface TestClientOptions {
  baseUrl: string
  integrationKey: string
  secretKey: string
  /** Client time in ms (default: the emulator's clock, as a synchronised client). */
  now: () => number
}

export function createTestClient(options: TestClientOptions) {
  const signer = createHmacSigner(options.secretKey)

  async function send(method: string, path: string, body?: unknown): Promise<CallResult> {
    const response = await fetch(`${options.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    let raw: unknown = text
    let code = ''
    let object: Record<string, unknown> = {}
    try {
      raw = JSON.parse(text)
      const envelope = parseEnvelope(raw)
      code = envelope.code
      object = (envelope.object ?? {}) as Record<string, unknown>
    } catch {
      // not an envelope: status/raw tell the test what happened
    }
    const text_ = (name: string) => {
      const value = object[name]
      return typeof value === 'string' ? value : ''
    }
    return { status: response.status, headers: response.headers, code, object, text: text_, raw }
  }

  return {
    signer,
    /** Signs (catalogue order unless `order`) and posts an HMAC call. */
    async call(
      name: EndpointName,
      fields: Record<string, string>,
      callOptions: CallOptions = {},
    ): Promise<CallResult> {
      const endpoint = endpoints[name]
      const body: Record<string, string> = {
        integrationKey: options.integrationKey,
        ...fields,
      }
      if (!callOptions.keepTimestamp || body.unixTimestamp === undefined) {
        body.unixTimestamp ??= String(Math.floor(options.now() / 1000))
      }
      body.hmac =
        callOptions.hmac ??
        (await signer.signFields(callOptions.order ?? endpoint.signedOrder, body))
      const base = callOptions.base ?? endpoint.base
      const path = callOptions.path
        ? `${(await import('@centagate-kit/protocol')).basePaths[base]}/${callOptions.path}`
        : endpointPath(endpoint, callOptions.pathParams ?? {}, base)
      return send(endpoint.method, path, body)
    },
    /** An admin (cenToken) call. */
    async admin(
      name: Exclude<AdminEndpointName, 'listMultipleUserDevice'>,
      adminUsername: string,
      body: Record<string, string>,
      base: BasePathId = 'v1',
    ): Promise<CallResult> {
      const endpoint = endpoints[name]
      return send(endpoint.method, endpointPath(endpoint, { adminUsername }, base), body)
    },
    cenToken: computeCenToken,
    send,
  }
}

export type TestClient = ReturnType<typeof createTestClient>
