// Threat: the emulator's control API (`/__emulator/*`, test-only: device simulators, clock,
// faults, state) crashing or wedging the emulator on malformed input (T-H1, T-E7): a 5xx, a
// non-JSON answer, or a state after which every later CENTAGATE call fails. 2,000 generated
// requests per route that takes input; `controlApi: false` must make every control path 404.
import fc from 'fast-check'
import { createEmulator } from '@centagate-kit/emulator'
import { afterAll, describe, expect, it } from 'vitest'
import { createCanaries } from './support/canaries'
import { suiteFixtures } from './support/fixtures'
import { upstreamBaseUrl } from './support/stack'
import {
  contentType,
  malformedObjectText,
  nonObjectBody,
  prototypeIsPolluted,
  wrongTypeValue,
} from './fuzz/hostile-values'

const runs = 2_000
const canaries = createCanaries()
const figures: Record<string, string | number>[] = []

interface ControlRoute {
  method: string
  path: string
  fields: string[]
  /** Plausible values, so that validation passes often and the route logic runs. */
  plausible: fc.Arbitrary<unknown>
  /** Numbers only from `plausible` (wrong-typed values stay non-numeric). */
  onlyPlausibleNumbers?: boolean
}

const routes: ControlRoute[] = [
  {
    method: 'POST',
    path: 'token/respond',
    fields: ['serial', 'challenge'],
    plausible: fc.constantFrom(
      'CR0000001',
      'CR0000003',
      'MOBILE-ALICE',
      '12345678',
      '1',
      '',
      '9'.repeat(64),
    ),
  },
  {
    method: 'POST',
    path: 'app/scan',
    fields: ['qrCode', 'manualCode', 'username'],
    plausible: fc.constantFrom(
      'CGQR1:',
      'CGQR1:e30',
      'CGQR1:eyJyIjoiMSJ9',
      'alice',
      '12345678',
      '',
    ),
  },
  {
    method: 'POST',
    path: 'app/decision',
    fields: ['username', 'decision'],
    plausible: fc.constantFrom('alice', 'approve', 'reject', 'bob', ''),
  },
  {
    method: 'POST',
    path: 'clock',
    fields: ['advanceSeconds'],
    // Within ±30 years: values beyond the Date range are the known bug below, tested apart.
    plausible: fc.oneof(
      fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
      fc.constantFrom(0, -0, 300, -300, 86_400 * 365),
    ),
    onlyPlausibleNumbers: true,
  },
  {
    method: 'POST',
    path: 'faults',
    fields: ['endpoint', 'kind', 'delayMs', 'status', 'location', 'count'],
    plausible: fc.constantFrom(
      '*',
      'authBasic',
      'latency',
      'http_error',
      200,
      599,
      0,
      'javascript:alert(1)',
      1,
    ),
  },
  {
    method: 'PUT',
    path: 'state',
    fields: ['version', 'apps', 'users', 'tokens', 'sessions', 'clockOffsetMs'],
    plausible: fc.constantFrom(1, [], {}, 1e308, -1e308),
  },
]

afterAll(() => {
  console.log('\nemulator control API fuzz')
  console.table(figures)
})

async function stillServes(emulator: ReturnType<typeof createEmulator>): Promise<string> {
  const response = await emulator.fetch(new Request(`${upstreamBaseUrl}/__emulator/users/alice`))
  const clock = await emulator.fetch(new Request(`${upstreamBaseUrl}/__emulator/clock`))
  return `${response.status}/${clock.status}`
}

describe('emulator control API fuzz', () => {
  it.each(routes.map((route, index) => [`${route.method} ${route.path}`, route, index] as const))(
    '%s: 2,000 hostile bodies, 0 x 5xx, JSON answers, emulator still serves',
    async (_name, route, index) => {
      const value = fc.oneof(
        route.onlyPlausibleNumbers === true
          ? wrongTypeValue.filter((item) => typeof item !== 'number')
          : wrongTypeValue,
        route.plausible,
      )
      const bodies = fc.sample(
        fc.oneof(
          { arbitrary: malformedObjectText(route.fields, value), weight: 8 },
          { arbitrary: nonObjectBody, weight: 2 },
        ),
        { numRuns: runs, seed: 11_000 + index },
      )
      const types = fc.sample(contentType, { numRuns: runs, seed: 12_000 + index })
      const statuses = new Map<number, number>()
      const problems: string[] = []
      // Fresh emulators every 200 requests: a fuzzed clock or state must not hide later cases.
      let emulator = createEmulator({ fixtures: suiteFixtures(canaries) })
      for (const [position, body] of bodies.entries()) {
        if (position % 200 === 0) emulator = createEmulator({ fixtures: suiteFixtures(canaries) })
        const type = types[position] ?? 'application/json'
        const response = await emulator.fetch(
          new Request(`${upstreamBaseUrl}/__emulator/${route.path}`, {
            method: route.method,
            // With the kit's header, so the fuzzed bodies reach the control routes' parsing.
            headers: {
              'x-centagate-kit': '1',
              ...(type === null ? {} : { 'content-type': type }),
            },
            body: body as BodyInit,
          }),
        )
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
        const text = await response.text()
        let json = true
        try {
          JSON.parse(text)
        } catch {
          json = false
        }
        if ((response.status >= 500 || !json) && problems.length < 5) {
          const shown = typeof body === 'string' ? body.slice(0, 120) : `bytes(${body.length})`
          problems.push(`${response.status} ${text.slice(0, 80)} <- ${shown}`)
        }
        const serving = await stillServes(emulator)
        if (serving !== '200/200' && problems.length < 5) {
          const shown = typeof body === 'string' ? body.slice(0, 120) : `bytes(${body.length})`
          problems.push(`emulator wedged (users/clock: ${serving}) after ${shown}`)
        }
      }
      figures.push({
        route: `${route.method} ${route.path}`,
        requests: runs,
        statuses: [...statuses].map(([status, count]) => `${status}:${count}`).join(' '),
        problems: problems.length,
      })
      expect(problems).toEqual([])
      expect(prototypeIsPolluted()).toBe(false)
    },
  )

  // Regression: `advanceSeconds` used to accept any finite number, so 1e20 s moved the clock out
  // of the Date range and every later clock call answered 500 until a restart. Now bounded (±10 y).
  it('POST clock {advanceSeconds: 1e20} is refused with a 4xx and the clock keeps working', async () => {
    const emulator = createEmulator({ fixtures: suiteFixtures(canaries) })
    const advance = await emulator.fetch(
      new Request(`${upstreamBaseUrl}/__emulator/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-centagate-kit': '1' },
        body: JSON.stringify({ advanceSeconds: 1e20 }),
      }),
    )
    const serving = await stillServes(emulator)
    figures.push({
      route: 'POST clock 1e20 s',
      requests: 1,
      statuses: `${advance.status}; then users/clock ${serving}`,
      problems: advance.status >= 500 || serving !== '200/200' ? 1 : 0,
    })
    expect(advance.status).toBeGreaterThanOrEqual(400)
    expect(advance.status).toBeLessThan(500)
    expect(serving).toBe('200/200')
  })

  it('controlApi: false → every control path answers 404', async () => {
    const emulator = createEmulator({ fixtures: suiteFixtures(canaries), controlApi: false })
    const paths = [
      'outbox?username=alice',
      'token/respond',
      'app/scan',
      'app/decision',
      'clock',
      'faults',
      'reset',
      'stats',
      'state',
      'users/alice',
      '',
    ]
    const statuses: number[] = []
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
        const response = await emulator.fetch(
          new Request(`${upstreamBaseUrl}/__emulator/${path}`, {
            method,
            ...(method === 'GET' ? {} : { body: '{}' }),
          }),
        )
        statuses.push(response.status)
      }
    }
    figures.push({
      route: 'controlApi: false',
      requests: statuses.length,
      statuses: [...new Set(statuses)].join(' '),
      problems: statuses.filter((s) => s !== 404).length,
    })
    expect(statuses.every((status) => status === 404)).toBe(true)
  })
})
