/**
 * The kit API client: one typed method per kit route. Every call is a same-origin JSON POST with
 * the custom `x-centagate-kit` header (so it is always CORS-preflighted), carries the device
 * signals, is checked against the contract on the way out and on the way back, and fails only
 * with a {@link KitClientError}. The checks are protocol's dependency-free shape checks (proved to
 * agree with the zod schemas the server validates with), so no schema library ships to browsers.
 */
import {
  defaultBasePath,
  isKitErrorBody,
  isKitResponse,
  kitHeaderName,
  kitHeaderValue,
  kitRequestProblems,
  kitRoutes,
  kitRouteUrl,
  normalizeKitRequest,
} from '@centagate-kit/protocol'
import type {
  ChallengeSendResponse,
  FlowCancelResponse,
  FlowResponse,
  KitResponse,
  KitRoute,
  KitRouteSchemas,
  QrSendResponse,
  QrStatusResponse,
  SmsSendResponse,
  TokensRegisterResponse,
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

export type TokensRegisterInput =
  { kind: 'sms'; phoneNumber: string } | { kind: 'hardware'; serial: string }

export interface KitClient {
  loginStart(
    input: { username: string; password?: string },
    options?: KitCallOptions,
  ): Promise<FlowResponse>
  stepUpStart(input: { transactionId?: string }, options?: KitCallOptions): Promise<FlowResponse>
  smsSend(options?: KitCallOptions): Promise<SmsSendResponse>
  smsVerify(input: { code: string }, options?: KitCallOptions): Promise<FlowResponse>
  challengeSend(options?: KitCallOptions): Promise<ChallengeSendResponse>
  challengeVerify(input: { response: string }, options?: KitCallOptions): Promise<FlowResponse>
  qrSend(options?: KitCallOptions): Promise<QrSendResponse>
  /** `retryAfterMs` comes from the `Retry-After` header when the server sent one. */
  qrStatus(options?: KitCallOptions): Promise<QrStatusResponse & { retryAfterMs?: number }>
  qrVerify(input: { otp: string }, options?: KitCallOptions): Promise<FlowResponse>
  tokensRegister(
    input: TokensRegisterInput,
    options?: KitCallOptions,
  ): Promise<TokensRegisterResponse>
  flowCancel(options?: KitCallOptions): Promise<FlowCancelResponse>
  /** Server clock correction learnt from the last response's serverTime. */
  readonly clock: ServerClock
  readonly deviceSignals: DeviceSignals
}

type RouteName = keyof KitRouteSchemas

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

  async function call<R extends RouteName>(
    route: R,
    input: Record<string, unknown>,
    callOptions: KitCallOptions = {},
  ): Promise<{ body: KitResponse<R>; response: Response }> {
    const { signal } = callOptions
    throwIfAborted(signal)
    const device = await readDeviceSignals(deviceSignals)
    throwIfAborted(signal)

    const requestBody = normalizeKitRequest(route, { ...input, device })
    const problems = kitRequestProblems(route, requestBody)
    if (problems.length > 0) {
      // Caught before the network: the user gets the same typed error the server would give.
      throw new KitClientError('invalid_input', { status: 0, fields: problems })
    }

    let response: Response
    try {
      response = await getFetch()(kitRouteUrl(basePath, route as KitRoute), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [kitHeaderName]: kitHeaderValue },
        credentials: 'same-origin',
        body: JSON.stringify(requestBody),
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

    if (!isKitResponse(route, json)) {
      throw new KitClientError('bad_response', {
        status: response.status,
        requestId: response.headers.get('x-request-id') ?? undefined,
      })
    }
    const body: KitResponse<R> = json
    clock.observe(body.serverTime)
    return { body, response }
  }

  function errorFromBody(response: Response, json: unknown): KitClientError {
    if (!isKitErrorBody(json)) {
      // A proxy's HTML page, a truncated body: nothing the kit server would send.
      return new KitClientError('bad_response', { status: response.status })
    }
    const { error, requestId, serverTime } = json
    if (serverTime !== undefined) clock.observe(serverTime)
    return new KitClientError(error.code as KitClientError['code'], {
      status: response.status,
      messageKey: error.messageKey,
      returnCode: error.returnCode,
      attemptsLeft: error.attemptsLeft,
      retryAt: error.retryAt,
      lockedUntil: error.lockedUntil,
      transactionId: error.transactionId,
      maxAgeSeconds: error.maxAgeSeconds,
      fields: error.fields,
      requestId,
    })
  }

  const send = async <R extends RouteName>(
    route: R,
    input: Record<string, unknown>,
    callOptions?: KitCallOptions,
  ) => (await call(route, input, callOptions)).body

  return {
    clock,
    deviceSignals,
    loginStart: (input, o) => send(kitRoutes.loginStart, { ...input }, o),
    stepUpStart: (input, o) => send(kitRoutes.stepUpStart, { ...input }, o),
    smsSend: (o) => send(kitRoutes.smsSend, {}, o),
    smsVerify: (input, o) => send(kitRoutes.smsVerify, { code: normalizeCode(input.code) }, o),
    challengeSend: (o) => send(kitRoutes.challengeSend, {}, o),
    challengeVerify: (input, o) =>
      send(kitRoutes.challengeVerify, { response: normalizeCode(input.response) }, o),
    qrSend: (o) => send(kitRoutes.qrSend, {}, o),
    async qrStatus(o) {
      const { body, response } = await call(kitRoutes.qrStatus, {}, o)
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now())
      return retryAfterMs === undefined ? body : { ...body, retryAfterMs }
    },
    qrVerify: (input, o) => send(kitRoutes.qrVerify, { otp: normalizeCode(input.otp) }, o),
    tokensRegister: (input, o) => send(kitRoutes.tokensRegister, { ...input }, o),
    flowCancel: (o) => send(kitRoutes.flowCancel, {}, o),
  }
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
