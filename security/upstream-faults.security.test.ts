// Threat: a failing, slow or hostile upstream (or a man in the middle) turning into a crash, a
// hang, a retry storm (non-idempotent CENTAGATE calls: duplicate SMS, burnt OTP attempts) or, worst,
// a fail-open success (T-I1, T-I2; ASVS 5 16.5.3, Duo "fail closed"). Every fault the emulator can
// inject, plus connection refused, at the first call of a login (authBasic) and at the final
// verification of an SMS step (authSmsOtp): the typed kit error within timeout + 250 ms, exactly
// one upstream attempt, 0 successes, and the next normal call works.
import { startEmulatorServer } from '@centagate-kit/emulator/node'
import type { EmulatorServer } from '@centagate-kit/emulator/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCanaries, findCanaries } from './support/canaries'
import { TrafficRecorder, createCapturingLogger } from './support/capture'
import { freeLoopbackPort } from '@centagate-kit/testkit/free-port'
import { loadUsername, suiteFixtures } from './support/fixtures'
import { CookieJar, device, kitRequest } from './support/kit-requests'
import { latestCode } from './support/outbox'
import { kitErrorBody } from '@centagate-kit/protocol'
import type { KitErrorCode } from '@centagate-kit/protocol'
import { createCentagateHandler, createMemoryStore } from '@centagate-kit/server'
import { createNodeFetch } from '@centagate-kit/server/node'
import { countingFetch, createEmulatorLogCapture, kitConfig } from './support/stack'

const timeoutMs = 1_000
const slackMs = 250

interface FaultRow {
  name: string
  /** `null`: connection refused (a closed port instead of the emulator). */
  fault: Record<string, unknown> | null
  expected: KitErrorCode
  status: number
}

const rows: FaultRow[] = [
  { name: 'connection refused', fault: null, expected: 'upstream_unavailable', status: 503 },
  {
    name: 'connection dropped',
    fault: { kind: 'drop' },
    expected: 'upstream_unavailable',
    status: 503,
  },
  { name: 'no answer (hang)', fault: { kind: 'hang' }, expected: 'upstream_timeout', status: 504 },
  {
    name: `slow: ${timeoutMs + 500} ms > timeout`,
    fault: { kind: 'latency', delayMs: timeoutMs + 500 },
    expected: 'upstream_timeout',
    status: 504,
  },
  {
    name: 'HTTP 500',
    fault: { kind: 'http_error', status: 500 },
    expected: 'upstream_error',
    status: 502,
  },
  {
    name: 'HTTP 503',
    fault: { kind: 'http_error', status: 503 },
    expected: 'upstream_error',
    status: 502,
  },
  {
    name: 'HTML body (200)',
    fault: { kind: 'html' },
    expected: 'upstream_bad_response',
    status: 502,
  },
  {
    name: 'malformed JSON (200, "code":"0" prefix)',
    fault: { kind: 'malformed_json' },
    expected: 'upstream_bad_response',
    status: 502,
  },
  {
    name: 'oversized > 1 MiB (code "0")',
    fault: { kind: 'oversized' },
    expected: 'upstream_bad_response',
    status: 502,
  },
  {
    name: 'redirect 302',
    fault: { kind: 'redirect' },
    expected: 'upstream_bad_response',
    status: 502,
  },
  { name: '23023 clock skew', fault: { kind: 'clock_skew' }, expected: 'clock_skew', status: 503 },
]

const canaries = createCanaries()
const serverLog = createCapturingLogger('server')
const emulatorLog = createEmulatorLogCapture()
const traffic = new TrafficRecorder()
let server: EmulatorServer
let refusedUrl: string
const table: Record<string, string | number>[] = []
let nextUser = 0

beforeAll(async () => {
  server = await startEmulatorServer({
    fixtures: suiteFixtures(canaries, { loadUsers: 40 }),
    logger: emulatorLog,
  })
  refusedUrl = `http://127.0.0.1:${await freeLoopbackPort()}`
})

afterAll(async () => {
  await server?.close()
  await nodeFetch.close()
  console.log(`\nupstream fault matrix (timeout ${timeoutMs} ms, budget ${timeoutMs + slackMs} ms)`)
  console.table(table)
})

async function control(path: string, method = 'GET', body?: unknown): Promise<unknown> {
  const response = await fetch(`${server.url}/__emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-centagate-kit': '1' },
    body: body === undefined ? null : JSON.stringify(body),
  })
  return (await response.json()) as unknown
}

async function attempts(endpoint: string): Promise<number> {
  const stats = (await control('stats')) as { byEndpoint: Record<string, number> }
  return stats.byEndpoint[endpoint] ?? 0
}

/**
 * The two upstream clients a Node deployment may use: the server's Node default (keep-alive
 * undici Agent, `@centagate-kit/server/node`) and the platform's global fetch (edge runtimes).
 */
const nodeFetch = createNodeFetch()
const fetchImplementations = {
  'node default (undici Agent)': (input: string, init: RequestInit) => nodeFetch(input, init),
  'global fetch': (input: string, init: RequestInit) => fetch(input, init),
} as const
type FetchName = keyof typeof fetchImplementations

// The flow is prepared by one handler and verified through another (a faulty upstream): two
// instances of one app, so they share the store that holds the flow records.
const sharedStore = createMemoryStore()

function handlerFor(baseUrl: string, fetchName: FetchName = 'node default (undici Agent)') {
  const upstream = countingFetch(fetchImplementations[fetchName])
  const handler = createCentagateHandler({
    ...kitConfig(
      canaries,
      {
        baseUrl,
        integrationKey: canaries.integrationKey,
        secretKey: canaries.secretKey,
        fetch: upstream,
        timeoutMs,
      },
      serverLog,
    ),
    store: sharedStore,
  })
  return { handle: traffic.wrap(handler), upstream }
}

/** Runs one kit call under the fault and checks the fail-closed contract. */
async function underFault(
  row: FaultRow,
  step: 'authBasic' | 'authSmsOtp',
  prepare: (handle: (r: Request) => Promise<Response>) => Promise<() => Request>,
  fetchName: FetchName = 'node default (undici Agent)',
) {
  const { handle, upstream } = handlerFor(row.fault === null ? refusedUrl : server.url, fetchName)
  const makeRequest = await prepare(handlerFor(server.url).handle)
  await control('faults', 'DELETE')
  if (row.fault !== null) await control('faults', 'POST', { endpoint: step, ...row.fault })
  const before = row.fault === null ? 0 : await attempts(step)
  const started = performance.now()
  const response = await handle(makeRequest())
  const elapsed = performance.now() - started
  const text = await response.text()
  await control('faults', 'DELETE')
  const emulatorAttempts = row.fault === null ? 0 : (await attempts(step)) - before
  const parsed = kitErrorBody.safeParse(JSON.parse(text))
  table.push({
    fetch: fetchName === 'global fetch' ? 'global' : 'node default',
    step,
    fault: row.name,
    status: response.status,
    error: parsed.success ? parsed.data.error.code : `UNTYPED ${text.slice(0, 60)}`,
    ms: Math.round(elapsed),
    'fetch attempts': upstream.calls,
    'emulator attempts': row.fault === null ? '-' : emulatorAttempts,
  })
  expect(parsed.success, text).toBe(true)
  expect(parsed.data?.error.code).toBe(row.expected)
  expect(response.status).toBe(row.status)
  expect(elapsed).toBeLessThanOrEqual(timeoutMs + slackMs)
  expect(upstream.calls).toBe(1)
  if (row.fault !== null) expect(emulatorAttempts).toBe(1)
  // No stack trace, file path or upstream text in what the browser sees.
  expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|Maintenance page|Service Unavailable/)
}

describe('upstream fault matrix', () => {
  it.each(
    (Object.keys(fetchImplementations) as FetchName[]).flatMap((fetchName) =>
      rows.map((row) => ({ ...row, fetchName })),
    ),
  )('login/start (authBasic, $fetchName) under "$name" → $expected', async (row) => {
    await underFault(
      row,
      'authBasic',
      async () => () =>
        kitRequest('login/start', { body: { username: 'bob', password: 'bob-password', device } }),
      row.fetchName,
    )
  })

  it.each(rows)(
    'sms/verify (authSmsOtp, right code) under "$name" → $expected, never authenticated',
    async (row) => {
      await underFault(row, 'authSmsOtp', async (handle) => {
        // A fresh SMS user per row: SMS cooldown and quota are per user.
        const username = loadUsername(nextUser++)
        const jar = new CookieJar()
        const start = await handle(
          kitRequest('login/start', {
            body: { username, password: `load-password-${nextUser - 1}`, device },
          }),
        )
        expect(start.status, await start.clone().text()).toBe(200)
        jar.store(start)
        const send = await handle(kitRequest('sms/send', { cookie: jar.header() }))
        expect(send.status, await send.clone().text()).toBe(200)
        jar.store(send)
        const code = latestCode(await control(`outbox?username=${username}`))
        return () => kitRequest('sms/verify', { cookie: jar.header(), body: { code, device } })
      })
    },
  )

  it('a real clock skew (kit clock +10 min): clock_skew, one attempt, offset logged within ±2 s', async () => {
    const skewMs = 10 * 60_000
    const log = createCapturingLogger('server')
    const upstream = countingFetch(fetchImplementations['node default (undici Agent)'])
    const handler = createCentagateHandler({
      ...kitConfig(
        canaries,
        {
          baseUrl: server.url,
          integrationKey: canaries.integrationKey,
          secretKey: canaries.secretKey,
          fetch: upstream,
          timeoutMs,
        },
        log,
      ),
      now: () => Date.now() + skewMs,
    })
    const response = await traffic.wrap(handler)(
      kitRequest('login/start', { body: { username: 'bob', password: 'bob-password', device } }),
    )
    const body = (await response.json()) as { error?: { code?: string } }
    const line = log.lines.find((entry) => entry.includes('23023') && entry.includes('offsetMs'))
    const offset = line === undefined ? Number.NaN : Number(/"offsetMs":(-?\d+)/.exec(line)?.[1])
    table.push({
      fetch: 'node default',
      step: 'authBasic',
      fault: 'kit clock +600 s (real 23023)',
      status: response.status,
      error: body.error?.code ?? '?',
      ms: '-',
      'fetch attempts': upstream.calls,
      'emulator attempts': `logged offset ${offset} ms`,
    })
    expect(response.status).toBe(503)
    expect(body.error?.code).toBe('clock_skew')
    expect(upstream.calls).toBe(1)
    expect(Math.abs(offset + skewMs)).toBeLessThanOrEqual(2_000)
    serverLog.lines.push(...log.lines)
  })

  it('recovers: after the faults, 20 normal logins in a row succeed (no poisoned pool)', async () => {
    const { handle, upstream } = handlerFor(server.url)
    let ok = 0
    for (let index = 0; index < 20; index += 1) {
      const response = await handle(
        kitRequest('login/start', { body: { username: 'bob', password: 'bob-password', device } }),
      )
      if (response.status === 200) ok += 1
    }
    console.log(`recovery: ${ok}/20 logins succeeded after the fault matrix`)
    expect(ok).toBe(20)
    // One attempt per call: 20 password checks, 20 user/auth/list for the method targets, and one
    // admin login (its session is cached).
    expect(upstream.calls).toBe(20 + 20 + 1)
  })

  it('no canary secret in any answer, server log line or emulator log line', () => {
    expect(findCanaries(canaries, 'kit responses', traffic.text())).toEqual([])
    expect(findCanaries(canaries, 'server log', serverLog.lines.join('\n'))).toEqual([])
    expect(findCanaries(canaries, 'emulator log', emulatorLog.lines.join('\n'))).toEqual([])
  })
})
