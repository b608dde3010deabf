/**
 * The in-browser backend of the stories: the REAL kit server handler (`createCentagateHandler`)
 * in front of the REAL emulator (`createEmulator`), both Web-standard fetch handlers running in
 * the Storybook iframe. The widget's `KitClient` gets a `fetch` that forwards each Request to the
 * handler (adding the Origin/Cookie headers a browser would, via a tiny cookie jar), and the
 * handler's upstream `fetch` is `emulator.fetch`. Play functions read the SMS outbox, ask the
 * emulated hardware token for a response and act as the CENTAGATE app through the emulator's
 * control API.
 */
import {
  createDeviceSignals,
  createKitClient,
  type FlowResponse,
  type KitClient,
} from '@centagate-kit/client'
import {
  createEmulator,
  emulatorUpstream,
  type Emulator,
  type EmulatorSettings,
} from '@centagate-kit/emulator'
import { createCentagateHandler, type CentagateHandler, type Limits } from '@centagate-kit/server'
import type { TransactionView } from '@centagate-kit/protocol'
import { type ControlAnswer, type FaultInput, createEmulatorControl } from '../emulator-control'
import { createCookieJar } from './cookie-jar'
import { installSetCookieShim, setCookiesOf } from './set-cookie-shim'

/** The transaction the signing stories use: what `getTransaction` returns for its id. */
export const storyTransaction: TransactionView = {
  id: 'tx-1042',
  summary: 'Transfer MYR 1,250.00 to Siti Aminah (5140 1234 5678)',
  fields: [
    { name: 'amount', label: 'Amount', value: 'MYR 1,250.00' },
    { name: 'payee', label: 'To', value: 'Siti Aminah' },
    { name: 'payeeAccount', label: 'Account number', value: '5140 1234 5678' },
    { name: 'reference', label: 'Reference', value: 'Rent November' },
  ],
}

export interface StoryBackendOptions {
  /** The logged-in app user (`identify`). Default fixtures: alice (QR, token, SMS), bob (SMS only), carol (none). @default 'alice' */
  user?: string
  /** Emulator behaviour (lifetimes, caps). */
  emulatorSettings?: Partial<EmulatorSettings>
  /** Kit server limits (cooldowns, attempt budgets). */
  limits?: Partial<Limits>
  /** Added to every kit call (loading states). `Infinity` never answers. @default 0 */
  latencyMs?: number
  /** Upstream faults injected into the emulator (each error class). */
  faults?: FaultInput[]
  /** Every kit call fails like a dropped connection (the client's `network_error`). */
  networkDown?: boolean
  /** Starts a step-up flow before the story renders (`stepup/start`). @default false */
  startStepUp?: boolean | { transactionId?: string }
}

export interface StoryBackend {
  client: KitClient
  emulator: Emulator
  handler: CentagateHandler
  user: string
  /** Emulator control API, as the user's phone / token / the CENTAGATE app. */
  device: {
    /** The code of the latest SMS to the user. */
    latestSmsCode(): Promise<string | undefined>
    /** How many SMS the user received. */
    smsCount(): Promise<number>
    /** The hardware token's response to a challenge. */
    tokenResponse(challenge: string, serial?: string): Promise<string>
    /** The app scans a QR value: returns the details it shows and its OTP. */
    scanQr(qrValue: string): Promise<{ details: string; otp: string }>
    /** The app approves or rejects the pending QR request. */
    decide(decision: 'approve' | 'reject'): Promise<void>
    /** The details the user's newest pending push shows in the app (undefined: none pending). */
    pendingPush(): Promise<string | undefined>
    /** The app approves or rejects the user's newest pending push. */
    decidePush(decision: 'approve' | 'reject'): Promise<void>
    /** The code the CENTAGATE app shows now (the user's first code generator). */
    appCode(): Promise<string>
    /** Moves the emulator (and kit server) clock forward. */
    advanceClock(seconds: number): Promise<void>
  }
  /** Kit calls made so far, by route (e.g. `sms/send`). */
  calls: Map<string, number>
  /**
   * The app's own API with one protected route, `POST /api/bank/transfers/<id>/execute`, guarded
   * by the server's `requireStepUp({ maxAgeSeconds: 300 })` bound to that transaction.
   */
  appFetch: typeof fetch
  /** The `stepup/start` answer when `startStepUp` was set. */
  started?: FlowResponse
}

const cookieSecret = 'storybook-only-cookie-secret-0123456789abcdef'

/** A control action the story relies on: a refusal fails the story loudly. */
async function done(action: Promise<ControlAnswer<unknown>>, what: string): Promise<void> {
  const { status, body } = await action
  if (status >= 300) throw new Error(`emulator control ${what}: ${JSON.stringify(body)}`)
}

/** Creates a fresh backend: its own emulator state, server, cookie jar and client. */
export async function createStoryBackend(options: StoryBackendOptions = {}): Promise<StoryBackend> {
  installSetCookieShim()
  const user = options.user ?? 'alice'
  const emulator = createEmulator({
    ...(options.emulatorSettings ? { settings: options.emulatorSettings } : {}),
  })
  // CENTAGATE is the emulator, in-process: its credentials, its clock and its fixture admin.
  const upstream = emulatorUpstream(emulator)
  const control = createEmulatorControl(
    (request) => emulator.fetch(request),
    upstream.centagate.baseUrl,
  )
  const handler = createCentagateHandler({
    ...upstream,
    cookieSecrets: [{ id: 'story', secret: cookieSecret }],
    ...(options.limits ? { limits: options.limits } : {}),
    identify: async () => ({ username: user }),
    getTransaction: async (_request, id) =>
      id === storyTransaction.id ? { view: storyTransaction, value: '1250.00' } : null,
  })
  const jar = createCookieJar()
  const calls = new Map<string, number>()
  const latencyMs = options.latencyMs ?? 0
  // Latency and network faults apply to the story's own calls, not to the loader's setup.
  let ready = false

  // What a browser adds on a same-origin fetch (Origin, Cookie) cannot be set on a script-built
  // Request (forbidden headers), so the handler gets the request with an unguarded Headers copy.
  const browserRequest = (input: RequestInfo | URL, init?: RequestInit) => {
    const origin = globalThis.location?.origin ?? 'http://localhost:6006'
    const url = new URL(input instanceof Request ? input.url : String(input), origin)
    const request = new Request(url, init)
    const headers = new Headers(init?.headers)
    headers.set('origin', url.origin)
    headers.set('sec-fetch-site', 'same-origin')
    const cookie = jar.header()
    if (cookie) headers.set('cookie', cookie)
    Object.defineProperty(request, 'headers', { value: headers })
    return { url, request }
  }
  const kitFetch: typeof fetch = async (input, init) => {
    const { url, request } = browserRequest(input, init)
    const route = url.pathname.replace(/^\/api\/centagate\//, '')
    calls.set(route, (calls.get(route) ?? 0) + 1)
    if (ready && options.networkDown) throw new TypeError('Failed to fetch')
    if (ready && latencyMs > 0) {
      await new Promise<void>((resolve, reject) => {
        if (latencyMs === Infinity) return
        const timer = setTimeout(resolve, latencyMs)
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer)
          reject(new DOMException('aborted', 'AbortError'))
        })
      })
    }
    const response = await handler(request, { clientAddress: '127.0.0.1' })
    jar.store(setCookiesOf(response))
    return response
  }

  const client = createKitClient({
    fetch: kitFetch,
    // No fingerprinting in stories: deterministic and instant.
    deviceSignals: createDeviceSignals({ fingerprint: false }),
  })

  const device: StoryBackend['device'] = {
    latestSmsCode: async () => (await control.outbox(user)).at(-1)?.code,
    smsCount: async () => (await control.outbox(user)).length,
    tokenResponse: (challenge, serial = 'CR0000001') => control.respond(serial, challenge),
    scanQr: async (qrValue) => {
      const { details, otp } = await control.scan(qrValue)
      return { details, otp }
    },
    decide: (decision) => done(control.decide(user, decision), `decide ${decision}`),
    pendingPush: async () => (await control.pushes(user))[0]?.details,
    decidePush: (decision) => done(control.decidePush(user, decision), `push ${decision}`),
    appCode: async () => {
      const [generator] = await control.authenticators(user)
      if (!generator) throw new Error(`${user} has no code generator`)
      return generator.otp
    },
    advanceClock: (seconds) => done(control.advance(seconds), 'clock'),
  }
  const guard = handler.requireStepUp({
    maxAgeSeconds: 300,
    transactionId: (request) =>
      /\/transfers\/([^/]+)\/execute$/.exec(new URL(request.url).pathname)?.[1],
  })
  const appFetch: typeof fetch = async (input, init) => {
    const { request } = browserRequest(input, init)
    const result = await guard(request)
    const response = result.ok
      ? Response.json({ executed: true, transactionId: result.receipt.transactionId ?? null })
      : result.response
    jar.store(setCookiesOf(response))
    return response
  }

  const backend: StoryBackend = { client, emulator, handler, user, device, calls, appFetch }
  if (options.startStepUp) {
    const transactionId =
      typeof options.startStepUp === 'object' ? options.startStepUp.transactionId : undefined
    backend.started = await client.stepUpStart(transactionId ? { transactionId } : {})
  }
  // Faults come after the start so that only the story's own calls hit them.
  for (const fault of options.faults ?? []) await done(control.fault(fault), 'faults')
  ready = true
  return backend
}
