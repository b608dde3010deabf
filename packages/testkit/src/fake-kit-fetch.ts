/**
 * Test double of the kit server as a `fetch`: answers per route with bodies that are checked
 * against the protocol schemas before they leave (a test cannot pass on a body the real server
 * could never send), and records every request. Not shipped (excluded from the package files).
 */
import { kitErrorBody, kitErrors, kitRouteSchemas } from '@centagate-kit/protocol'
import type {
  AppOtpStartResponse,
  AuthenticatedResponse,
  ChallengeSendResponse,
  FactorRequiredResponse,
  KitErrorBody,
  KitErrorCode,
  KitMethod,
  PushSendResponse,
  QrSendResponse,
  QrStatusResponse,
  SmsSendResponse,
} from '@centagate-kit/protocol'

type RouteName = keyof typeof kitRouteSchemas

export interface RecordedRequest {
  route: RouteName
  url: string
  method: string
  headers: Headers
  credentials: RequestCredentials | undefined
  body: Record<string, unknown>
  signal: AbortSignal | undefined
}

/** What a route handler answers: a protocol body (status 200), an error, or a raw Response. */
export type FakeAnswer =
  | { body: unknown; status?: number; headers?: Record<string, string> }
  | { error: KitErrorCode; fields?: Partial<KitErrorBody['error']>; status?: number }
  | Response

export type RouteHandler = (request: RecordedRequest) => FakeAnswer | Promise<FakeAnswer>

export interface FakeKitFetch {
  fetch: typeof fetch
  requests: RecordedRequest[]
  /** Requests to one route. */
  calls(route: RouteName): RecordedRequest[]
  on(route: RouteName, handler: RouteHandler): void
  /** The fake server's clock (local clock + offset). */
  serverNow(): number
}

export function createFakeKitFetch(
  options: {
    basePath?: string
    serverOffsetMs?: number
    handlers?: Partial<Record<RouteName, RouteHandler>>
  } = {},
): FakeKitFetch {
  const basePath = options.basePath ?? '/api/centagate'
  const handlers = new Map<RouteName, RouteHandler>(
    Object.entries(options.handlers ?? {}) as [RouteName, RouteHandler][],
  )
  const requests: RecordedRequest[] = []
  const serverNow = () => Date.now() + (options.serverOffsetMs ?? 0)

  const fakeFetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input)
    const route = url.slice(basePath.length + 1) as RouteName
    const schemas = kitRouteSchemas[route]
    if (!url.startsWith(`${basePath}/`) || !schemas) {
      throw new Error(`fake kit fetch: unknown route ${url}`)
    }
    const body = JSON.parse(String(init.body)) as Record<string, unknown>
    // The client must only ever send what the server accepts.
    schemas.request.parse(body)
    const recorded: RecordedRequest = {
      route,
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      credentials: init.credentials,
      body,
      signal: init.signal ?? undefined,
    }
    requests.push(recorded)
    if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError')
    const handler = handlers.get(route)
    if (!handler) throw new Error(`fake kit fetch: no handler for ${route}`)
    const answer = await abortable(Promise.resolve(handler(recorded)), init.signal ?? undefined)
    if (answer instanceof Response) return answer
    if ('error' in answer) {
      const errorBody = {
        error: { code: answer.error, messageKey: `kit.${answer.error}`, ...answer.fields },
        requestId: 'req-test',
        serverTime: serverNow(),
      }
      kitErrorBody.parse(errorBody)
      return json(errorBody, answer.status ?? kitErrors[answer.error].status)
    }
    schemas.response.parse(answer.body)
    return json(answer.body, answer.status ?? 200, answer.headers)
  }

  return {
    fetch: fakeFetch as typeof fetch,
    requests,
    calls: (route) => requests.filter((request) => request.route === route),
    on: (route, handler) => handlers.set(route, handler),
    serverNow,
  }
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

/** Like a real fetch: a pending answer rejects when the signal aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('aborted', 'AbortError'))
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

// ---------------------------------------------------------------------------------------------
// Protocol-valid bodies

export const bodies = {
  factorRequired(
    serverTime: number,
    methods: KitMethod[],
    extra: Partial<FactorRequiredResponse> = {},
  ): FactorRequiredResponse {
    return {
      status: 'factor_required',
      flow: 'stepup',
      methods: methods.map((method) =>
        method === 'sms' ? { method, hint: '•••• 4567' } : { method },
      ),
      flowExpiresAt: serverTime + 600_000,
      serverTime,
      ...extra,
    }
  },
  authenticated(
    serverTime: number,
    method: AuthenticatedResponse['method'] = 'sms',
  ): AuthenticatedResponse {
    return {
      status: 'authenticated',
      flow: 'stepup',
      method,
      authTime: serverTime,
      receipt: { expiresAt: serverTime + 300_000 },
      serverTime,
    }
  },
  smsSent(serverTime: number, extra: Partial<SmsSendResponse> = {}): SmsSendResponse {
    return {
      status: 'sent',
      method: 'sms',
      maskedPhone: '•••• 4567',
      expiresAt: serverTime + 300_000,
      resendAvailableAt: serverTime + 60_000,
      sendsLeft: 4,
      attemptsLeft: 5,
      serverTime,
      ...extra,
    }
  },
  challengeSent(
    serverTime: number,
    extra: Partial<ChallengeSendResponse> = {},
  ): ChallengeSendResponse {
    return {
      status: 'sent',
      method: 'challenge',
      challenge: '48213907',
      expiresAt: serverTime + 300_000,
      attemptsLeft: 5,
      serverTime,
      ...extra,
    }
  },
  qrSent(serverTime: number, extra: Partial<QrSendResponse> = {}): QrSendResponse {
    return {
      status: 'sent',
      method: 'qr',
      qrValue: 'centagate://qr?c=abc',
      manualCode: '123456',
      expiresAt: serverTime + 120_000,
      pollAfterMs: 1000,
      attemptsLeft: 5,
      serverTime,
      ...extra,
    }
  },
  qrPending(serverTime: number, pollAfterMs = 1000): QrStatusResponse {
    return { status: 'pending', expiresAt: serverTime + 120_000, pollAfterMs, serverTime }
  },
  pushSent(serverTime: number, extra: Partial<PushSendResponse> = {}): PushSendResponse {
    return {
      status: 'sent',
      method: 'push',
      details: 'Sign in',
      expiresAt: serverTime + 120_000,
      pollAfterMs: 1000,
      serverTime,
      ...extra,
    }
  },
  appOtpStarted(serverTime: number, extra: Partial<AppOtpStartResponse> = {}): AppOtpStartResponse {
    return {
      status: 'sent',
      method: 'app_otp',
      expiresAt: serverTime + 300_000,
      attemptsLeft: 5,
      serverTime,
      ...extra,
    }
  },
}
