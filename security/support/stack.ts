/**
 * An in-process test stack: the emulator (canary app keys, canary admin password) as CENTAGATE,
 * the kit handler talking to it through a counting fetch, every log line of both captured, every
 * kit response recorded. No sockets: fast enough for thousands of fuzz cases.
 */
import { createEmulator } from '@centagate-kit/emulator'
import { kitHeaderName, kitHeaderValue } from '@centagate-kit/protocol'
import type { Canaries } from './canaries'
import { createCanaries, findCanaries } from './canaries'
import type { CanaryHit } from './canaries'
import { TrafficRecorder, createCapturingLogger, safeStringify } from './capture'
import { suiteFixtures } from './fixtures'
import { createCentagateHandler } from '@centagate-kit/server'

/** Where the in-process emulator pretends to live (never resolved: the fetch is injected). */
export const upstreamBaseUrl = 'http://centagate.test'

type Emulator = ReturnType<typeof createEmulator>
type HandlerConfig = Parameters<typeof createCentagateHandler>[0]

/** A fetch that counts calls (and records their paths) and forwards them to `target`. */
export interface CountingFetch {
  (input: string, init: RequestInit): Promise<Response>
  readonly calls: number
  readonly paths: string[]
}

export function countingFetch(
  target: (input: string, init: RequestInit) => Promise<Response>,
): CountingFetch {
  const paths: string[] = []
  const fetch = ((input: string, init: RequestInit) => {
    paths.push(new URL(input).pathname)
    return target(input, init)
  }) as CountingFetch
  Object.defineProperty(fetch, 'calls', { get: () => paths.length })
  Object.defineProperty(fetch, 'paths', { value: paths })
  return fetch
}

export interface EmulatorLogCapture {
  readonly lines: string[]
  request(entry: unknown): void
  warn(message: string): void
}

export function createEmulatorLogCapture(): EmulatorLogCapture {
  const lines: string[] = []
  return {
    lines,
    request: (entry) => lines.push(safeStringify({ source: 'emulator', entry })),
    warn: (message) => lines.push(safeStringify({ source: 'emulator', level: 'warn', message })),
  }
}

export interface StackOptions {
  canaries?: Canaries
  loadUsers?: number
  /** Extra handler configuration (limits, store, identify...). */
  handler?: Partial<HandlerConfig>
  /** One clock (epoch ms) for the emulator and the kit, so a test can move time. Default real time. */
  now?: () => number
  /** The username `identify` returns for step-up (the app's session). Default `alice`. */
  identifiedUser?: string | null
}

export interface Stack {
  readonly canaries: Canaries
  readonly emulator: Emulator
  readonly upstream: CountingFetch
  readonly serverLog: ReturnType<typeof createCapturingLogger>
  readonly emulatorLog: EmulatorLogCapture
  readonly traffic: TrafficRecorder
  /** The kit handler itself (for `requireStepUp`). */
  readonly handler: ReturnType<typeof createCentagateHandler>
  /** The kit handler, recorded. */
  readonly handle: (request: Request, context?: { clientAddress?: string }) => Promise<Response>
  /** The emulator's control API (`/__emulator/...`), JSON in and out. */
  control(path: string, init?: { method?: string; body?: unknown }): Promise<unknown>
  /** Every canary hit in recorded traffic and captured logs. */
  leaks(): CanaryHit[]
}

/** The handler configuration the suites share (canary secrets, admin, identify). */
export function kitConfig(
  canaries: Canaries,
  centagate: HandlerConfig['centagate'],
  logger: NonNullable<HandlerConfig['logger']>,
  identifiedUser: string | null = 'alice',
): HandlerConfig {
  return {
    centagate,
    cookieSecrets: [{ id: 'k1', secret: canaries.cookieSecret }],
    receiptSecret: canaries.receiptSecret,
    admin: { username: 'admin', password: canaries.adminPassword },
    logger,
    // The app's own session: a test header stands in for the app's session cookie.
    identify: async (request) => {
      const user = request.headers.get('x-test-user') ?? identifiedUser
      return user === null ? null : { username: user }
    },
    getTransaction: async (_request, id) =>
      id.startsWith('tx-')
        ? { view: { id, summary: `Transfer MYR 10.00 to ${id}`, fields: [] }, value: '10.00' }
        : null,
  }
}

export function createStack(options: StackOptions = {}): Stack {
  const canaries = options.canaries ?? createCanaries()
  const emulatorLog = createEmulatorLogCapture()
  const emulator = createEmulator({
    fixtures: suiteFixtures(canaries, { loadUsers: options.loadUsers ?? 0 }),
    logger: emulatorLog,
    ...(options.now === undefined ? {} : { now: options.now }),
  })
  const upstream = countingFetch((input, init) => emulator.fetch(new Request(input, init)))
  const serverLog = createCapturingLogger('server')
  const traffic = new TrafficRecorder()
  const handler = createCentagateHandler({
    ...kitConfig(
      canaries,
      {
        baseUrl: upstreamBaseUrl,
        integrationKey: canaries.integrationKey,
        secretKey: canaries.secretKey,
        fetch: upstream,
        timeoutMs: 2_000,
      },
      serverLog,
      options.identifiedUser === undefined ? 'alice' : options.identifiedUser,
    ),
    ...(options.now === undefined ? {} : { now: options.now }),
    ...options.handler,
  })
  return {
    canaries,
    emulator,
    upstream,
    serverLog,
    emulatorLog,
    traffic,
    handler,
    handle: traffic.wrap(handler),
    async control(path, init = {}) {
      const method = init.method ?? (init.body === undefined ? 'GET' : 'POST')
      const response = await emulator.fetch(
        new Request(`${upstreamBaseUrl}/__emulator/${path}`, {
          method,
          headers: { 'content-type': 'application/json', [kitHeaderName]: kitHeaderValue },
          body: init.body === undefined ? null : JSON.stringify(init.body),
        }),
      )
      return (await response.json()) as unknown
    },
    leaks() {
      return [
        ...findCanaries(canaries, 'kit responses', traffic.text()),
        ...findCanaries(canaries, 'server log', serverLog.lines.join('\n')),
        ...findCanaries(canaries, 'emulator log', emulatorLog.lines.join('\n')),
      ]
    },
  }
}
