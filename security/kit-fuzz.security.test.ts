// Threat: hostile or malformed browser input reaching the kit handler (T-H1/T-H2, ASVS 5 2.2.1,
// ASVS 4 13.1.5/13.2.2, CSRF F-1): a crash or 5xx, a request forwarded to CENTAGATE (SMS toll
// fraud, lockout abuse, signing oracle), prototype pollution, or an answer that is not the typed
// `kitErrorBody`. 2,000 generated requests per kit route, fixed seed, in process.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kitErrorBody, kitErrors, kitRouteList, kitRouteSchemas } from '@centagate-kit/protocol'
import type { KitErrorCode, KitRoute } from '@centagate-kit/protocol'
import { CookieJar, appOrigin, device, kitRequest } from './support/kit-requests'
import { latestCode } from './support/outbox'
import { createStack } from './support/stack'
import type { Stack } from './support/stack'
import { type KitFuzzCase, kitFuzzCases } from './fuzz/kit-bodies'
import { prototypeIsPolluted } from './fuzz/hostile-values'

const runsPerRoute = 2_000
const seed = 20_261_123

function toRequest(route: KitRoute, sample: KitFuzzCase, cookie: string): Request {
  const request = kitRequest(route, {
    rawBody: sample.body,
    contentType: sample.contentType,
    cookie,
    method: sample.method === 'GET' || sample.method === 'HEAD' ? 'POST' : sample.method,
  })
  const headers = new Headers(request.headers)
  for (const [name, value] of Object.entries(sample.headers)) {
    if (value === '') headers.delete(name)
    else headers.set(name, value)
  }
  if (sample.dropKitHeader) headers.delete('x-centagate-kit')
  if (sample.method === 'GET' || sample.method === 'HEAD') {
    return new Request(request.url, { method: sample.method, headers })
  }
  return new Request(request.url, { method: sample.method, headers, body: sample.body as BodyInit })
}

interface RouteFigures {
  route: string
  requests: number
  byStatus: Record<number, number>
  over4xx: number
  notTyped: number
  upstreamCalls: number
  maxMs: number
}

const figures: RouteFigures[] = []
let stack: Stack
let flowCookie = ''

beforeAll(async () => {
  stack = createStack()
  // A live login flow (alice, password accepted, second factor pending): the flow routes are
  // fuzzed with a valid flow cookie, so their input validation is reached, not just "no flow".
  const jar = new CookieJar()
  const response = await stack.handle(
    kitRequest('login/start', { body: { username: 'alice', password: 'alice-password', device } }),
  )
  expect(response.status, await response.clone().text()).toBe(200)
  jar.store(response)
  flowCookie = jar.header()
  expect(flowCookie).not.toBe('')
})

afterAll(() => {
  console.log(`\nkit handler fuzz (seed ${seed}, ${runsPerRoute} per route, origin ${appOrigin})`)
  console.table(
    figures.map((f) => ({
      route: f.route,
      requests: f.requests,
      '5xx': f.over4xx,
      'not kitErrorBody': f.notTyped,
      'upstream calls': f.upstreamCalls,
      'max ms': f.maxMs.toFixed(1),
      statuses: Object.entries(f.byStatus)
        .map(([status, count]) => `${status}:${count}`)
        .join(' '),
    })),
  )
  const total = figures.reduce((sum, f) => sum + f.requests, 0)
  console.log(
    `kit fuzz total: ${total} requests, ${figures.reduce((s, f) => s + f.over4xx, 0)} x 5xx, ` +
      `${figures.reduce((s, f) => s + f.upstreamCalls, 0)} upstream calls, ` +
      `${figures.reduce((s, f) => s + f.notTyped, 0)} untyped answers`,
  )
})

describe('kit handler fuzz', () => {
  it.each(kitRouteList.map((route, index) => [route, index] as const))(
    '%s: 2,000 hostile requests, 0 x 5xx, 0 upstream calls, every answer a kitErrorBody',
    async (route, index) => {
      const samples = fc
        .sample(kitFuzzCases(route), { numRuns: runsPerRoute * 2, seed: seed + index })
        // A generated body that happens to be a valid request is not hostile: drop it.
        .filter((sample) => !isValidRequest(route, sample))
        .slice(0, runsPerRoute)
      expect(samples.length).toBe(runsPerRoute)
      const cookie = route === 'login/start' || route === 'stepup/start' ? '' : flowCookie
      const before = stack.upstream.calls
      const result: RouteFigures = {
        route,
        requests: 0,
        byStatus: {},
        over4xx: 0,
        notTyped: 0,
        upstreamCalls: 0,
        maxMs: 0,
      }
      const problems: string[] = []
      for (const sample of samples) {
        const started = performance.now()
        const response = await stack.handle(toRequest(route, sample, cookie))
        const text = await response.text()
        result.maxMs = Math.max(result.maxMs, performance.now() - started)
        result.requests += 1
        result.byStatus[response.status] = (result.byStatus[response.status] ?? 0) + 1
        if (response.status >= 500) result.over4xx += 1
        const typed = checkTyped(response, text)
        if (typed !== null) {
          result.notTyped += 1
          if (problems.length < 5) problems.push(`${typed} <- ${describeCase(sample)}`)
        }
        if (response.status >= 500 && problems.length < 5) {
          problems.push(`${response.status} ${text.slice(0, 200)} <- ${describeCase(sample)}`)
        }
      }
      result.upstreamCalls = stack.upstream.calls - before
      figures.push(result)
      expect(problems).toEqual([])
      expect(result.over4xx).toBe(0)
      expect(result.upstreamCalls).toBe(0)
      expect(prototypeIsPolluted()).toBe(false)
    },
  )

  it('leaves the handler working: the pending flow still completes with the right code', async () => {
    const jar = new CookieJar()
    const start = await stack.handle(
      kitRequest('login/start', { body: { username: 'bob', password: 'bob-password', device } }),
    )
    expect(start.status).toBe(200)
    jar.store(start)
    const send = await stack.handle(kitRequest('sms/send', { cookie: jar.header() }))
    expect(send.status, await send.clone().text()).toBe(200)
    jar.store(send)
    const outbox = (await stack.control('outbox?username=bob')) as unknown
    const code = latestCode(outbox)
    const verify = await stack.handle(
      kitRequest('sms/verify', { cookie: jar.header(), body: { code, device } }),
    )
    expect(verify.status, await verify.clone().text()).toBe(200)
    expect(((await verify.json()) as { status: string }).status).toBe('authenticated')
  })

  it('no canary secret in any fuzz answer or log line', () => {
    expect(stack.leaks()).toEqual([])
  })
})

function isValidRequest(route: KitRoute, sample: KitFuzzCase): boolean {
  if (sample.kind !== 'malformed-object') return false
  try {
    const value = JSON.parse(sample.body as string) as unknown
    return kitRouteSchemas[route].request.safeParse(value).success
  } catch {
    return false
  }
}

/** `null` when the answer is a typed kit error whose status matches its code; else why not. */
function checkTyped(response: Response, text: string): string | null {
  if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) {
    return `content-type ${response.headers.get('content-type')}`
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return `not JSON: ${text.slice(0, 80)}`
  }
  const parsed = kitErrorBody.safeParse(value)
  if (!parsed.success) return `not a kitErrorBody: ${text.slice(0, 120)}`
  const code = parsed.data.error.code as KitErrorCode
  if (kitErrors[code].status !== response.status) {
    return `status ${response.status} but ${code} is ${kitErrors[code].status}`
  }
  return null
}

function describeCase(sample: KitFuzzCase): string {
  const body = typeof sample.body === 'string' ? sample.body : `bytes(${sample.body.length})`
  const shown = body.length > 120 ? `${body.slice(0, 120)}…(${body.length})` : body
  return `${sample.kind} ${sample.method} ${String(sample.contentType)} ${JSON.stringify(sample.headers)} ${shown}`
}
