// Threat: concurrent requests of one flow breaking it (issue 14, point 2; ASVS 5 2.3.3 business
// logic under concurrency, T-C4). CENTAGATE rotates the authToken on requestQrCode and on every
// accepted factor and refuses the old one (23018): a kit that kept the token in the flow cookie
// answered a live flow `no_flow` when two requests overlapped (two qr/send; qr/send + sms/send),
// threw away an approval CENTAGATE had accepted (a poll racing a verify), spent an SMS quota on a
// send CENTAGATE refused, and lost the flow when the browser aborted a qr/send.
//
// Here: the concurrency matrix on the memory store (`support/flow-matrix.ts`; the Redis run is
// `flow-concurrency-redis.security.test.ts`, a separate file so that the two run in parallel),
// and the races one browser makes on its own, over HTTP, on both stores.
import { createMemoryStore } from '@centagate-kit/server'
import { createRedisStore } from '@centagate-kit/server/redis'
import { type EmulatorHarness, startEmulatorHarness } from '@centagate-kit/testkit/emulator-harness'
import { startRedis } from '@centagate-kit/testkit/redis'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { expectFlowsSurvived } from './support/flow-matrix-expectations'
import { matrixTitle, pairs, runFlowMatrix, runsPerPair } from './support/flow-matrix'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
let redis: Awaited<ReturnType<typeof startRedis>>
const races: Record<string, string>[] = []

beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await redis.close()
  if (races.length > 0) {
    console.log('\none browser racing itself (over HTTP)')
    console.table(races)
  }
})

it(`memory store: ${pairs.length} pairs × ${runsPerPair} runs: 0 spurious no_flow, 0 lost approvals, 0 quota mismatches`, async () => {
  const result = await runFlowMatrix('memory', () => Promise.resolve(createMemoryStore()))
  console.log(matrixTitle('memory'))
  console.table([result.summary])
  console.table(result.answers)
  expectFlowsSurvived(result.figures)
}, 120_000)

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
