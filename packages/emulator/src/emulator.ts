/**
 * `createEmulator(options)`: a CENTAGATE Cloud look-alike as a Web-standard fetch handler. Pure
 * Web APIs (Request/Response, Web Crypto), so it runs in Node and in browsers (Storybook).
 */
import { type TenantOrders, tenantOrderModes } from '@centagate-kit/protocol'
import { createEmulatorClock, type EmulatorClock } from './clock'
import { chooseEndpoint, handleCentagateCall } from './centagate-handler'
import { handleControlRequest } from './control/control-api'
import { refuseForeignControlRequest } from './control/control-guard'
import type { EmulatorInternals, EmulatorStats } from './emulator-internals'
import { EmulatorConnectionDropped, FaultRegistry, faultReply } from './faults'
import { parseFixtures, type Fixtures, type FixturesInput } from './fixtures/fixture-schema'
import { defaultFixtures } from './fixtures/default-fixtures'
import { type EmulatorLogger, silentLogger } from './logger'
import { type EmulatorInput, type EmulatorReply, textReply, toResponse } from './reply'
import { matchRoute } from './routing'
import { type EmulatorSettings, resolveSettings } from './settings'
import { initialState } from './state/initial-state'
import { pruneState } from './state/prune'
import { type EmulatorState, emulatorStateSchema } from './state/state-schema'

export interface EmulatorOptions {
  /** Users, devices, tokens and apps. Default: the documented default fixtures. */
  fixtures?: FixturesInput
  /** Overrides the first app's integration key. */
  integrationKey?: string
  /** Overrides the first app's secret key. */
  secretKey?: string
  /** Accept every documented HMAC order and field spelling (API.md 1.5, 5.4). Default false. */
  lenient?: boolean
  /**
   * Which single order strict mode accepts per endpoint, as a real tenant accepts one:
   * `catalogue` (the catalogue's evidence-backed order) or `vendor-samples` (the order of the
   * vendor's Node.js sample for the endpoint, the catalogue's where there is none). Default
   * `catalogue`. Lenient mode accepts every documented order either way.
   */
  tenantOrders?: TenantOrders
  /** Serve `/__emulator/*`. Default true; false makes every control path 404. */
  controlApi?: boolean
  /** Base time source in ms (default `Date.now`); the control API advances an offset on top. */
  now?: () => number
  /** Behaviour settings (lifetimes, caps, windows). */
  settings?: Partial<EmulatorSettings>
  /** A previously exported state to start from (validated). */
  state?: unknown
  /** Default silent. */
  logger?: EmulatorLogger
}

export interface Emulator {
  /** The Web-standard handler: CENTAGATE paths plus the control API. */
  fetch(request: Request): Promise<Response>
  /**
   * The same handler on plain data (what the node server uses: no Request/Response objects).
   * Rejects with {@link EmulatorConnectionDropped} for a dropped connection.
   */
  respond(input: EmulatorInput): Promise<EmulatorReply>
  readonly clock: EmulatorClock
  /** The live state (mutable: tests may inspect it). */
  readonly state: EmulatorState
  /** The apps' credentials (for printing and for signing clients in tests). */
  readonly credentials: { integrationKey: string; secretKey: string }
  readonly lenient: boolean
  readonly tenantOrders: TenantOrders
  stats(): EmulatorStats
  /** A deep copy of the state, JSON-serialisable (includes the clock offset). */
  export(): EmulatorState
  /** Replaces the state (validated with zod). @throws Error when invalid. */
  import(value: unknown): void
  /** Back to the fixtures: state, faults and stats (the clock keeps running). */
  reset(): void
  /** Fails requests that hang on purpose (now and later), so servers can shut down. */
  close(): void
}

const controlPrefix = '/__emulator/'

interface RequestLog {
  fault: string | null
  path: string
  endpoint: string | null
}

function buildFixtures(options: EmulatorOptions): Fixtures {
  const fixtures = parseFixtures(options.fixtures ?? defaultFixtures)
  const [first, ...rest] = fixtures.apps
  if (!first) return fixtures
  return {
    ...fixtures,
    apps: [
      {
        ...first,
        ...(options.integrationKey ? { integrationKey: options.integrationKey } : {}),
        ...(options.secretKey ? { secretKey: options.secretKey } : {}),
      },
      ...rest,
    ],
  }
}

function parseState(value: unknown): EmulatorState {
  const result = emulatorStateSchema.safeParse(value)
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`invalid emulator state: ${issues.join('; ')}`)
  }
  return result.data
}

/**
 * Creates an emulator.
 * @throws Error when fixtures, the initial state or `tenantOrders` are invalid.
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const fixtures = buildFixtures(options)
  const settings: EmulatorSettings = resolveSettings(options.settings)
  const clock = createEmulatorClock(options.now)
  const logger = options.logger ?? silentLogger
  const lenient = options.lenient ?? false
  const tenantOrders = options.tenantOrders ?? 'catalogue'
  if (!tenantOrderModes.includes(tenantOrders)) {
    throw new Error(`invalid tenantOrders: expected ${tenantOrderModes.join(' or ')}`)
  }
  const controlApi = options.controlApi ?? true
  const faults = new FaultRegistry()
  let state = initialState(fixtures)
  if (options.state !== undefined) {
    state = parseState(options.state)
    clock.setOffsetMs(state.clockOffsetMs)
  }
  let stats: EmulatorStats = { total: 0, byEndpoint: {}, unmatched: 0 }
  const hanging = new Set<(error: Error) => void>()
  let closed = false
  let lastPrune = clock.now()

  const exportState = (): EmulatorState =>
    structuredClone({ ...state, clockOffsetMs: clock.offsetMs() })
  const importState = (value: unknown) => {
    state = parseState(value)
    clock.setOffsetMs(state.clockOffsetMs)
  }
  const internals: EmulatorInternals = {
    clock,
    faults,
    settings,
    state: () => state,
    stats: () => structuredClone(stats),
    resetStats: () => {
      stats = { total: 0, byEndpoint: {}, unmatched: 0 }
    },
    reset: () => {
      state = initialState(fixtures)
      faults.clear()
      internals.resetStats()
    },
    exportState,
    importState,
  }

  const hang = (signal: AbortSignal | undefined) =>
    new Promise<EmulatorReply>((_resolve, reject) => {
      const fail = (error: Error) => {
        hanging.delete(fail)
        reject(error)
      }
      const abort = () =>
        fail(signal?.reason instanceof Error ? signal.reason : new Error('aborted'))
      if (signal?.aborted) {
        abort()
        return
      }
      if (closed) {
        fail(new EmulatorConnectionDropped())
        return
      }
      hanging.add(fail)
      signal?.addEventListener('abort', abort, { once: true })
    })

  async function handle(input: EmulatorInput, log: RequestLog): Promise<EmulatorReply> {
    const pathname = new URL(input.url).pathname
    if (pathname.startsWith(controlPrefix) || pathname === controlPrefix.slice(0, -1)) {
      log.path = pathname
      if (!controlApi) return textReply('Not Found', 404)
      return (
        refuseForeignControlRequest(input) ??
        handleControlRequest(input, pathname.slice(controlPrefix.length), internals)
      )
    }
    const route = matchRoute(pathname)
    if (!route) {
      stats.unmatched += 1
      log.path = '(unknown)'
      return textReply('Not Found', 404)
    }
    log.path = route.template
    const endpoint = chooseEndpoint(route, input.bodyText)
    log.endpoint = endpoint.name
    stats.total += 1
    stats.byEndpoint[endpoint.name] = (stats.byEndpoint[endpoint.name] ?? 0) + 1
    for (const fault of faults.take(endpoint.name)) {
      log.fault = fault.kind
      if (fault.kind === 'latency') {
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
        continue
      }
      if (fault.kind === 'drop') throw new EmulatorConnectionDropped()
      if (fault.kind === 'hang') return hang(input.signal)
      const reply = faultReply(fault, endpoint)
      if (reply) return reply
    }
    if (clock.now() - lastPrune > 60_000) {
      lastPrune = clock.now()
      pruneState(state, lastPrune, settings)
    }
    return handleCentagateCall(
      {
        route,
        method: input.method,
        bodyText: input.bodyText,
        state,
        settings,
        clock,
        lenient,
        tenantOrders,
      },
      endpoint,
    )
  }

  async function respond(input: EmulatorInput): Promise<EmulatorReply> {
    const started = Date.now()
    const log: RequestLog = { fault: null, path: '', endpoint: null }
    let reply: EmulatorReply | null = null
    try {
      reply = await handle(input, log)
      return reply
    } catch (cause) {
      if (cause instanceof EmulatorConnectionDropped || input.signal?.aborted) throw cause
      // Never a crash for bad input: anything unexpected is logged (no values) and answered.
      logger.warn?.(`emulator internal error: ${cause instanceof Error ? cause.name : 'unknown'}`)
      reply = textReply('Internal emulator error', 500)
      return reply
    } finally {
      logger.request?.({
        method: input.method,
        path: log.path,
        endpoint: log.endpoint,
        status: reply?.status ?? 0,
        code: reply?.code ?? null,
        fault: log.fault,
        ms: Date.now() - started,
      })
    }
  }

  return {
    async fetch(request) {
      const bodyText =
        request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
      const input: EmulatorInput = {
        method: request.method,
        url: request.url,
        header: (name) => request.headers.get(name),
        bodyText,
        signal: request.signal,
      }
      return toResponse(await respond(input))
    },
    respond,
    clock,
    get state() {
      return state
    },
    get credentials() {
      const app = state.apps[0] ?? fixtures.apps[0]
      return { integrationKey: app?.integrationKey ?? '', secretKey: app?.secretKey ?? '' }
    },
    lenient,
    tenantOrders,
    stats: internals.stats,
    export: exportState,
    import: importState,
    reset: internals.reset,
    close() {
      closed = true
      for (const fail of [...hanging]) fail(new EmulatorConnectionDropped())
    },
  }
}
