// Threat: concurrent requests of one flow breaking it (issue 14, point 2; ASVS 5 2.3.3/2.4 business
// logic under concurrency, T-C4). CENTAGATE rotates the authToken on requestQrCode and on every
// accepted factor and refuses the old one (23018): a kit that kept the token in the flow cookie
// answered a live flow `no_flow` when two requests overlapped, threw away an approval CENTAGATE had
// accepted (a poll racing a verify), and spent an SMS quota on a send CENTAGATE refused.
//
// The matrix: every pair (a route with itself included) of qr/send, qr/status, qr/verify, sms/send,
// challenge/send and flow/cancel, on one fresh login flow per run, the second request started
// 0-30 ms after the first (alternating which goes first), with latency injected on every upstream
// endpoint the pair uses (the emulator's `latency` faults, 5-30 ms, changing per batch), 200 runs
// per pair, on the memory store and on Redis. Counted: spurious `no_flow` (unless the pair
// cancelled the flow or the flow completed), lost approvals (CENTAGATE accepted a QR approval or
// code, yet no request of the flow, nor a later poll, answered `authenticated`), quota mismatches
// (users whose SMS outbox differs from the SMS sends the limiter counted), 5xx answers, and the
// flow being unusable afterwards (a live flow's next `challenge/send` must work).
import {
  type FixturesInput,
  createEmulator,
  defaultFixtures,
  emulatorUpstream,
} from '@centagate-kit/emulator'
import type { KitRoute } from '@centagate-kit/protocol'
import {
  type RateLimitStore,
  type UpstreamTransport,
  createCentagateHandler,
  createMemoryStore,
} from '@centagate-kit/server'
import { createRedisStore } from '@centagate-kit/server/redis'
import { createEmulatorControl } from '@centagate-kit/testkit/emulator-control'
import { type EmulatorHarness, startEmulatorHarness } from '@centagate-kit/testkit/emulator-harness'
import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { startRedis } from '@centagate-kit/testkit/redis'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

const routes = [
  'qr/send',
  'qr/status',
  'qr/verify',
  'sms/send',
  'challenge/send',
  'flow/cancel',
] as const satisfies readonly KitRoute[]
type MatrixRoute = (typeof routes)[number]

const runsPerPair = 200
/** Runs of one pair in one batch (each on its own user and flow). */
const runsPerBatch = 20
const latenciesMs = [5, 10, 20, 30]
/** The upstream endpoints the matrix exercises, each slowed per batch. */
const slowedEndpoints = [
  'authBasic',
  'requestQrCode',
  'statecheck',
  'authQrCode',
  'requestSmsOtp',
  'requestOtpChallenge',
] as const

const pairs: [MatrixRoute, MatrixRoute][] = routes.flatMap((first, index) =>
  routes.slice(index).map((second): [MatrixRoute, MatrixRoute] => [first, second]),
)
const usersPerBatch = pairs.length * runsPerBatch
const username = (index: number) => `m-${index}`
const hex = (value: number, length: number) => value.toString(16).padStart(length, '0')

/** The default fixtures plus users with every method: SMS, the CENTAGATE app (QR) and a CR token. */
const fixtures: FixturesInput = {
  ...defaultFixtures,
  users: [
    ...defaultFixtures.users,
    ...Array.from({ length: usersPerBatch }, (_, index) => ({
      username: username(index),
      password: `m-password-${index}`,
      userId: String(300_000 + index),
      phone: `+6019${String(index).padStart(7, '0')}`,
      device: {
        accountId: `d${hex(index, 31)}`,
        ocraSeed: `${hex(index, 8)}${'31'.repeat(28)}`,
        totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      },
    })),
  ],
  tokens: [
    ...defaultFixtures.tokens,
    ...Array.from({ length: usersPerBatch }, (_, index) => ({
      serial: `MX${String(index).padStart(7, '0')}`,
      seed: `${hex(index, 8)}${'a5'.repeat(16)}`,
      accountId: `c${hex(index, 31)}`,
      owner: username(index),
    })),
  ],
}

interface Figures {
  runs: number
  spuriousNoFlow: number
  lostApprovals: number
  quotaMismatches: number
  serverErrors: number
  unusableAfter: number
  smsSent: number
  authenticated: number
  /** Answers per route: `200:sent`, `409:no_flow`, ... */
  answers: Map<string, number>
  /** Examples of what went wrong, for the failure message. */
  problems: string[]
}

const random = (() => {
  // Fixed seed: the same schedule every run.
  let seed = 0x2545f491
  return () => {
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    return (seed >>> 0) / 2 ** 32
  }
})()
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function createMatrix(storeFor: (batch: number) => Promise<RateLimitStore>) {
  const emulator = createEmulator({ fixtures })
  const wiring = emulatorUpstream(emulator, { baseUrl: 'https://centagate.test' })
  // The emulator in process on plain data (no Request/Response objects: thousands of calls).
  const transport: UpstreamTransport = async (request) => {
    const reply = await emulator.respond({
      method: request.method,
      url: request.url,
      bodyText: request.body ?? '',
    })
    return {
      status: reply.status,
      redirect: reply.status >= 300 && reply.status < 400,
      header: (name) => reply.headers[name.toLowerCase()] ?? null,
      text: () => Promise.resolve(reply.body ?? ''),
      discard: () => Promise.resolve(),
    }
  }
  /** Whether CENTAGATE accepted a factor of the user's login (its session is complete). */
  const accepted = (user: string) => {
    const { sessions } = emulator.state
    for (const id in sessions) {
      if (sessions[id]!.username === user && sessions[id]!.status === 'complete') return true
    }
    return false
  }
  const device = createEmulatorControl(
    (request) => emulator.fetch(request),
    wiring.centagate.baseUrl,
  )

  async function runBatch(batch: number, figures: Figures) {
    await device.reset()
    for (const endpoint of slowedEndpoints) {
      await device.fault({ endpoint, kind: 'latency', delayMs: pick(latenciesMs) })
    }
    const store = await storeFor(batch)
    const handler = createCentagateHandler({
      ...wiring,
      centagate: { ...wiring.centagate, transport },
      cookieSecrets: [{ id: 'k1', secret: 'flow-concurrency-cookie-secret-0123456789' }],
      store,
    })
    const runs = pairs.flatMap((pair) =>
      Array.from({ length: runsPerBatch }, (_, index) => ({ pair, index })),
    )
    await Promise.all(
      runs.map(({ pair, index }, user) =>
        runPair(handler, pair, batch * runsPerBatch + index, username(user), figures),
      ),
    )
    // Quota: each user's SMS outbox against the sends the limiter counted for that user.
    for (let user = 0; user < usersPerBatch; user += 1) {
      const sent = (await device.outbox(username(user))).length
      const counted = (await store.get(`sms:hour:${username(user)}`))?.count ?? 0
      figures.smsSent += sent
      if (sent !== counted) {
        figures.quotaMismatches += 1
        figures.problems.push(`${username(user)}: ${sent} SMS sent, ${counted} counted`)
      }
    }
  }

  /** One run: a fresh login flow, what the pair needs, the pair, then the checks. */
  async function runPair(
    handler: ReturnType<typeof createCentagateHandler>,
    [first, second]: [MatrixRoute, MatrixRoute],
    run: number,
    user: string,
    figures: Figures,
  ) {
    const browser = createKitBrowser((request) => handler(request))
    const login = await browser.post('login/start', {
      username: user,
      password: `m-password-${user.slice(2)}`,
    })
    if (login.status !== 200) throw new Error(`login ${user}: ${login.raw}`)
    const uses = (route: MatrixRoute) => first === route || second === route
    let otp = '000000'
    if (uses('qr/status') || uses('qr/verify')) {
      const sent = await browser.post<{ qrValue: string }>('qr/send')
      if (sent.status !== 200) throw new Error(`qr/send ${user}: ${sent.raw}`)
      if (uses('qr/verify')) otp = (await device.scan(sent.body.qrValue)).otp
      // Half of the runs: the user approved in the app, so a statecheck completes the login.
      if (uses('qr/status') && run % 4 < 2) await device.decide(user, 'approve')
    }
    const body = (route: MatrixRoute) => (route === 'qr/verify' ? { otp } : {})
    // Alternate which request goes first; the second starts 0-30 ms later.
    const [early, late] = run % 2 === 0 ? [first, second] : [second, first]
    const gap = Math.floor(random() * 31)
    const answers = await Promise.all([
      browser.post(early, body(early)),
      sleep(gap).then(() => browser.post(late, body(late))),
    ])

    const codeOf = (answer: (typeof answers)[number]) =>
      answer.status === 200
        ? String((answer.body as { status?: string }).status)
        : String((answer.body as { error?: { code?: string } }).error?.code)
    let authenticated = answers.some((answer) => codeOf(answer) === 'authenticated')
    const centagateAccepted = accepted(user)
    const cancelled = early === 'flow/cancel' || late === 'flow/cancel'
    answers.forEach((answer, index) => {
      const route = index === 0 ? early : late
      const key = `${route} ${answer.status}:${codeOf(answer)}`
      figures.answers.set(key, (figures.answers.get(key) ?? 0) + 1)
      if (answer.status >= 500) {
        figures.serverErrors += 1
        figures.problems.push(`${early}+${late} (${user}): ${route} ${answer.raw}`)
      }
    })
    // An accepted factor must reach the browser: in the pair, or at the next poll.
    if (centagateAccepted && !authenticated && !cancelled) {
      const poll = await browser.post('qr/status')
      authenticated = codeOf(poll) === 'authenticated'
      if (!authenticated) {
        figures.lostApprovals += 1
        figures.problems.push(`${early}+${late} (${user}): approval lost, poll ${poll.raw}`)
      }
    }
    if (authenticated) figures.authenticated += 1
    const ended = cancelled || authenticated || centagateAccepted
    for (const [index, answer] of answers.entries()) {
      if (codeOf(answer) === 'no_flow' && !ended) {
        figures.spuriousNoFlow += 1
        figures.problems.push(
          `${early}+${late} (${user}): ${index === 0 ? early : late} answered no_flow`,
        )
      }
    }
    // A flow that is still live must still work with the newest authToken.
    if (!ended) {
      const next = await browser.post('challenge/send')
      if (next.status !== 200) {
        figures.unusableAfter += 1
        if (codeOf(next) === 'no_flow') figures.spuriousNoFlow += 1
        figures.problems.push(`${early}+${late} (${user}): then challenge/send ${next.raw}`)
      }
    }
    figures.runs += 1
  }

  return {
    async run(): Promise<Figures> {
      const figures: Figures = {
        runs: 0,
        spuriousNoFlow: 0,
        lostApprovals: 0,
        quotaMismatches: 0,
        serverErrors: 0,
        unusableAfter: 0,
        smsSent: 0,
        authenticated: 0,
        answers: new Map(),
        problems: [],
      }
      for (let batch = 0; batch < runsPerPair / runsPerBatch; batch += 1) {
        await runBatch(batch, figures)
      }
      return figures
    },
  }
}

let redis: Awaited<ReturnType<typeof startRedis>>
const summary: Record<string, string | number>[] = []
const races: Record<string, string>[] = []
const answerTable = new Map<string, Record<string, number>>()

beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await redis.close()
  if (summary.length > 0) {
    console.log(
      `\nflow concurrency matrix: ${pairs.length} pairs of ${routes.join(', ')} × ${runsPerPair} runs × ${summary.length} stores`,
    )
    console.table(summary)
    console.table(Object.fromEntries(answerTable))
  }
  if (races.length > 0) {
    console.log('\none browser racing itself (over HTTP)')
    console.table(races)
  }
})

function report(store: string, figures: Figures, ms: number, cpu: NodeJS.CpuUsage) {
  summary.push({
    store,
    pairs: pairs.length,
    runs: figures.runs,
    'spurious no_flow': figures.spuriousNoFlow,
    'lost approvals': figures.lostApprovals,
    'quota mismatches': figures.quotaMismatches,
    '5xx': figures.serverErrors,
    'unusable after': figures.unusableAfter,
    'SMS sent': figures.smsSent,
    authenticated: figures.authenticated,
    seconds: Number((ms / 1000).toFixed(1)),
    // The test process's CPU (kit, emulator and browser double together): steadier on a busy machine.
    'CPU s': Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
  })
  for (const [key, count] of figures.answers) {
    const [route, answer] = key.split(' ') as [string, string]
    const row = answerTable.get(`${store} ${route}`) ?? {}
    row[answer] = (row[answer] ?? 0) + count
    answerTable.set(`${store} ${route}`, row)
  }
}

describe('flows survive concurrent requests', () => {
  const stores: Record<string, () => (batch: number) => Promise<RateLimitStore>> = {
    memory: () => () => Promise.resolve(createMemoryStore()),
    redis: () => {
      const client = redis.client()
      return async (batch) => {
        await redis.ready()
        return createRedisStore({ redis: client, prefix: `matrix-${batch}:` })
      }
    },
  }
  for (const [name, storeFor] of Object.entries(stores)) {
    it(`${name} store: ${pairs.length} pairs × ${runsPerPair} runs: 0 spurious no_flow, 0 lost approvals, 0 quota mismatches`, async () => {
      const started = performance.now()
      const cpu = process.cpuUsage()
      const figures = await createMatrix(storeFor()).run()
      report(name, figures, performance.now() - started, process.cpuUsage(cpu))
      expect(figures.problems.slice(0, 10)).toEqual([])
      expect(figures.runs).toBe(pairs.length * runsPerPair)
      expect(figures.spuriousNoFlow).toBe(0)
      expect(figures.lostApprovals).toBe(0)
      expect(figures.quotaMismatches).toBe(0)
      expect(figures.serverErrors).toBe(0)
      // The matrix did exercise what it claims: SMS went out, logins completed.
      expect(figures.smsSent).toBeGreaterThan(0)
      expect(figures.authenticated).toBeGreaterThan(0)
    }, 120_000)
  }
})

// The races a browser makes on its own, over HTTP (the kit on node:http, the emulator on a port).
describe.each(['memory', 'redis'])('%s store: one browser racing itself', (storeName) => {
  let h: EmulatorHarness
  beforeEach(async () => {
    const store =
      storeName === 'memory'
        ? createMemoryStore()
        : createRedisStore({ redis: redis.client(), prefix: `races-${Math.random()}:` })
    await redis.ready()
    h = await startEmulatorHarness({ store })
  })
  afterEach(async () => {
    await h.close()
  })

  /** Rotated-out authTokens so far: grows when CENTAGATE processed a rotating call. */
  const retiredTokens = async () => {
    const state = await h.control<{ retiredTokens: Record<string, number> }>('GET', 'state')
    return Object.keys(state.body.retiredTokens).length
  }

  it('an aborted qr/send (the browser never got its answer) leaves the flow usable', async () => {
    const browser = h.browser()
    await browser.post('login/start', { username: 'alice', password: 'alice-password' })
    expect((await browser.post('qr/send')).status).toBe(200)
    const before = await retiredTokens()
    await h.fault({ endpoint: 'requestQrCode', kind: 'latency', delayMs: 300, count: 1 })
    // The client's cancelPending: the request is aborted while CENTAGATE works on it.
    const abort = new AbortController()
    const aborted = fetch(`${h.appUrl}/api/centagate/qr/send`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-centagate-kit': '1',
        origin: h.appUrl,
        cookie: browser.cookieHeader(),
      },
      body: JSON.stringify({ device: { userAgent: 'test', browserFp: 'fp' } }),
      signal: abort.signal,
    })
    setTimeout(() => abort.abort(), 100)
    await expect(aborted).rejects.toThrow()
    // CENTAGATE still rotated the authToken (the kit's answer with it never reached the browser).
    while ((await retiredTokens()) === before) await sleep(20)
    const cookieBefore = browser.cookieHeader()
    const poll = await browser.post('qr/status')
    expect(poll.body).toMatchObject({ status: 'pending' })
    const sent = await browser.post<{ qrValue: string }>('qr/send')
    expect(sent.status).toBe(200)
    const { otp } = await h.scan(sent.body.qrValue)
    const done = await browser.post('qr/verify', { otp })
    expect(done.body).toMatchObject({ status: 'authenticated' })
    // The browser's flow cookie never changed: the old cookie is the flow.
    expect(cookieBefore).toContain('centagate-flow=')
    races.push({
      store: storeName,
      case: 'aborted qr/send, then the old cookie',
      answers: 'pending, sent, authenticated',
    })
  })

  it('qr/status 150 ms into a qr/verify whose authQrCode takes 600 ms: the login completes, no 409', async () => {
    const browser = h.browser()
    await browser.post('login/start', { username: 'alice', password: 'alice-password' })
    const sent = await browser.post<{ qrValue: string }>('qr/send')
    const { otp } = await h.scan(sent.body.qrValue)
    // The user approved in the app, so a statecheck would also succeed.
    expect((await h.decide('alice', 'approve')).status).toBe(200)
    await h.fault({ endpoint: 'authQrCode', kind: 'latency', delayMs: 600, count: 1 })
    const [verify, status] = await Promise.all([
      browser.post('qr/verify', { otp }),
      sleep(150).then(() => browser.post('qr/status')),
    ])
    const answers = [verify, status].map((answer) =>
      answer.status === 200
        ? (answer.body as { status: string }).status
        : (answer.body as { error: { code: string } }).error.code,
    )
    races.push({
      store: storeName,
      case: 'verify 0 ms + status 150 ms, authQrCode 600 ms',
      answers: answers.join(', '),
    })
    expect([verify.status, status.status]).toEqual([200, 200])
    expect(answers.filter((answer) => answer === 'authenticated')).toHaveLength(1)
    expect(answers).toEqual(['authenticated', 'pending'])
    // The app session was set by the one completion.
    expect(verify.headers.getSetCookie().some((cookie) => cookie.startsWith('app-session='))).toBe(
      true,
    )
  })

  it('an SMS send CENTAGATE refused spends no quota; a double click still sends one SMS', async () => {
    const browser = h.browser()
    await browser.post('login/start', { username: 'bob', password: 'bob-password' })
    await h.fault({ endpoint: 'requestSmsOtp', kind: 'return_code', returnCode: '23004', count: 1 })
    const refused = await browser.post('sms/send')
    expect(refused.status).toBe(502)
    const [first, second] = await Promise.all([browser.post('sms/send'), browser.post('sms/send')])
    const statuses = [first.status, second.status].sort()
    expect(statuses).toEqual([200, 429])
    const sent = first.status === 200 ? first : second
    // 5 per hour: the refused send was given back, the double click counted once.
    expect(sent.body).toMatchObject({ status: 'sent', sendsLeft: 4 })
    expect(await h.outbox('bob')).toHaveLength(1)
    races.push({
      store: storeName,
      case: 'refused SMS send, then a double click',
      answers: `502, ${statuses.join(' + ')}; outbox 1, sendsLeft 4`,
    })
  })
})
