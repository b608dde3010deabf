/**
 * The kit API client: one typed method per kit route, derived from protocol's route declarations:
 * a route declared there gets its method here with no edit (names and types from
 * `kitRouteDeclarations`, checks from the browser checks generated from them, `kitRouteChecks`).
 * Every call is a same-origin JSON POST with the custom `x-centagate-kit` header (so it is always
 * CORS-preflighted), carries the device signals, is checked against the declaration on the way out
 * (normalised as declared) and on the way back, and fails only with a {@link KitClientError}. The
 * checks are dependency-free (proved to agree with the zod schemas the server validates with), so
 * no schema library ships to browsers.
 */
import {
  checkKitRequest,
  defaultBasePath,
  isKitErrorBody,
  kitHeaderName,
  kitHeaderValue,
  kitRouteChecks,
  kitRouteUrl,
} from '@centagate-kit/protocol'
import type {
  Infer,
  KitRequest,
  KitRoute,
  KitRouteCheck,
  KitRouteDeclarations,
} from '@centagate-kit/protocol'
import { createDeviceSignals } from './device-signals'
import type { DeviceSignals } from './device-signals'
import { KitClientError } from './kit-client-error'
import { createServerClock } from './server-clock'
import type { ServerClock } from './server-clock'

export interface KitClientOptions {
  /** Kit server mount point. @default '/api/centagate' */
  basePath?: string
  /** Injectable fetch (tests, Storybook, SSR). @default globalThis.fetch */
  fetch?: typeof fetch
  /** Device signals provider. @default createDeviceSignals() */
  deviceSignals?: DeviceSignals
  /** Server clock to train with every response's `serverTime`. @default createServerClock() */
  clock?: ServerClock
}

/** Per-call options. */
export interface KitCallOptions {
  /** Aborts the request; the call then rejects with a KitClientError of code `aborted`. */
  signal?: AbortSignal
}

type WithoutDevice<T> = T extends unknown
  ? { [K in keyof T as K extends 'device' ? never : K]: T[K] }
  : never

/** What the method of route `R` takes: its request without the device signals (added here). */
export type KitClientInput<R extends KitRoute> = WithoutDevice<KitRequest<R>>

/**
 * What a method resolves to: the route's 200 answer, plus `retryAfterMs` (from `Retry-After`,
 * when the server sent one) for routes declared with `retryAfter` (`qr/status`).
 */
type MethodResult<D extends KitRouteDeclarations> = D extends { retryAfter: true }
  ? Infer<D['response']> & { retryAfterMs?: number }
  : Infer<D['response']>

/** A route whose request is only the device signals gets a method without input. */
type Method<D extends KitRouteDeclarations> = [keyof KitClientInput<D['path']>] extends [never]
  ? (options?: KitCallOptions) => Promise<MethodResult<D>>
  : (input: KitClientInput<D['path']>, options?: KitCallOptions) => Promise<MethodResult<D>>

/** One method per route declaration, named by its `clientMethod` (`smsVerify({ code })`). */
export type KitClientMethods = {
  [D in KitRouteDeclarations as D['clientMethod']]: Method<D>
}

export type TokensRegisterInput = KitClientInput<'tokens/register'>

export interface KitClient extends KitClientMethods {
  /** Server clock correction learnt from the last response's serverTime. */
  readonly clock: ServerClock
  readonly deviceSignals: DeviceSignals
}

/**
 * Creates a kit API client.
 *
 * Every call: POST JSON to `basePath/<route>`, header `x-centagate-kit: 1`,
 * `credentials: 'same-origin'` (the flow lives in an HttpOnly cookie), body plus `device`.
 */
export function createKitClient(options: KitClientOptions = {}): KitClient {
  const basePath = options.basePath ?? defaultBasePath
  const clock = options.clock ?? createServerClock()
  const deviceSignals = options.deviceSignals ?? createDeviceSignals()
  // Resolved per call, not at creation: SSR code may create the client before fetch is polyfilled,
  // and tests may stub globalThis.fetch afterwards.
  const getFetch = (): typeof fetch => {
    const f = options.fetch ?? globalThis.fetch
    if (typeof f !== 'function') {
      throw new KitClientError('network_error', { status: 0, messageKey: 'kit.network_error' })
    }
    return options.fetch ? f : f.bind(globalThis)
  }

  /** One call of `route`; its result type is the route's `Method` (see `methods` below). */
  async function call(
    route: KitRouteCheck,
    input: object,
    callOptions: KitCallOptions = {},
  ): Promise<object> {
    const { signal } = callOptions
    throwIfAborted(signal)
    const device = await readDeviceSignals(deviceSignals)
    throwIfAborted(signal)

    const request = checkKitRequest(route, { ...withCodesNormalized(route, input), device })
    if (request.problems.length > 0) {
      // Caught before the network: the user gets the same typed error the server would give.
      throw new KitClientError('invalid_input', { status: 0, fields: request.problems })
    }

    let response: Response
    try {
      response = await getFetch()(kitRouteUrl(basePath, route.path), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [kitHeaderName]: kitHeaderValue },
        credentials: 'same-origin',
        body: JSON.stringify(request.value),
        ...(signal ? { signal } : {}),
      })
    } catch (error) {
      if (error instanceof KitClientError) throw error
      throw transportError(error, signal)
    }

    let json: unknown
    try {
      json = await response.json()
    } catch (error) {
      if (signal?.aborted) throw transportError(error, signal)
      throw new KitClientError('bad_response', { status: response.status, cause: error })
    }
    if (!response.ok) throw errorFromBody(response, json)

    if (!isAnswerOf(route, json)) {
      throw new KitClientError('bad_response', {
        status: response.status,
        requestId: response.headers.get('x-request-id') ?? undefined,
      })
    }
    clock.observe(json.serverTime)
    if (route.retryAfter) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now())
      if (retryAfterMs !== undefined) return { ...json, retryAfterMs }
    }
    return json
  }

  function errorFromBody(response: Response, json: unknown): KitClientError {
    if (!isKitErrorBody(json)) {
      // A proxy's HTML page, a truncated body: nothing the kit server would send.
      return new KitClientError('bad_response', { status: response.status })
    }
    const { error, requestId, serverTime } = json
    if (serverTime !== undefined) clock.observe(serverTime)
    // Every member of the error body's `error` is a KitClientError field of the same name.
    return new KitClientError(error.code, { ...error, status: response.status, requestId })
  }

  const methods = Object.fromEntries(
    kitRouteChecks.map((route) => [
      route.clientMethod,
      route.takesInput
        ? (input: object, callOptions?: KitCallOptions) => call(route, input, callOptions)
        : (callOptions?: KitCallOptions) => call(route, {}, callOptions),
    ]),
    // Object.fromEntries forgets which name holds which route's method. Each comes from its route's
    // generated entry (protocol's browser-checks test keeps the entries equal to the declarations
    // that `KitClientMethods` is typed from), with the call shape `Method` gives it.
  ) as KitClientMethods
  return { ...methods, clock, deviceSignals }
}

/** Whether `json` is a 200 answer of `route` (every declared answer carries `serverTime`). */
function isAnswerOf(route: KitRouteCheck, json: unknown): json is { serverTime: number } {
  return route.response(json)
}

/** `input` with {@link normalizeCode} applied to every field declared as a one-time code. */
function withCodesNormalized(route: KitRouteCheck, input: object): object {
  const out: Record<string, unknown> = { ...input }
  for (const key of route.codeFields) {
    const value = out[key]
    if (typeof value === 'string') out[key] = normalizeCode(value)
  }
  return out
}

/** Strips what people paste around codes: spaces, dashes, dots. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s\-.\u2010-\u2015]/g, '')
}

/** `Retry-After` as ms: delta-seconds or an HTTP date; undefined when absent or malformed. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/**
 * Device signals as the protocol accepts them, whatever the provider returns: a custom provider
 * that rejects or returns an odd id must never make every kit call fail.
 */
async function readDeviceSignals(
  provider: DeviceSignals,
): Promise<{ userAgent: string; browserFp: string }> {
  try {
    const { userAgent, browserFp } = await provider.get()
    return {
      userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : '',
      browserFp:
        typeof browserFp === 'string' && /^[A-Za-z0-9_-]{0,64}$/.test(browserFp) ? browserFp : '',
    }
  } catch {
    return { userAgent: '', browserFp: '' }
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new KitClientError('aborted', { status: 0, cause: signal.reason })
}

function transportError(error: unknown, signal: AbortSignal | undefined): KitClientError {
  const isAbort =
    signal?.aborted === true || (error instanceof Error && error.name === 'AbortError')
  return new KitClientError(isAbort ? 'aborted' : 'network_error', { status: 0, cause: error })
}
