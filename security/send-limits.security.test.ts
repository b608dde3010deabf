// Threat: unbounded sends (issue 14 point 4; OWASP "SMS pumping / toll fraud", ASVS 5 2.4.1 and
// 6.6.3, T-D5): 12x `challenge/send` and 6x `qr/send` all answered 200, `stepup/start` and
// `tokens/register` each called CENTAGATE with no limit, and SMS had only a per-user cap, so one
// address (or a botnet) could make CENTAGATE send without end and spend the bank's SMS budget.
// Pass, on the memory store and on Redis (two kit instances sharing it): each route meets a typed
// 429 `rate_limited` with `retryAt` and `Retry-After` once a user, an address or (SMS) the whole
// deployment used its hourly budget, and the refused request makes 0 upstream calls.
import type { FixturesInput } from '@centagate-kit/emulator'
import { createRedisStore } from '@centagate-kit/server/redis'
import { type KitAnswer, createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { startRedis } from '@centagate-kit/testkit/redis'
import {
  type TestAppOverrides,
  createTestApp,
  testAppFixtures,
} from '@centagate-kit/testkit/test-app'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

type RedisServer = Awaited<ReturnType<typeof startRedis>>
let redis: RedisServer
beforeAll(async () => {
  redis = await startRedis()
})
const figures: Record<string, string | number>[] = []
afterAll(async () => {
  await redis?.close()
  console.log('\nsend limits (defaults unless said): requests in a row until the first 429')
  console.table(figures)
})

/** SMS-only users `sms-0..n-1` besides the default fixtures (the SMS cap is also per user). */
const smsUsers = 40
const fixtures: FixturesInput = {
  ...testAppFixtures,
  users: [
    ...testAppFixtures.users,
    ...Array.from({ length: smsUsers }, (_, index) => ({
      username: `sms-${index}`,
      password: `sms-password-${index}`,
      userId: String(300_000 + index),
      email: `sms-${index}@example.test`,
      firstName: 'Sms',
      lastName: String(index),
      phone: `+6019${String(index).padStart(7, '0')}`,
    })),
  ],
}

const errorOf = (answer: KitAnswer) =>
  answer.status === 200
    ? String(answer.body.status)
    : String((answer.body.error as { code?: string } | undefined)?.code)

const stores = ['memory', 'redis'] as const

describe.each(stores)('on the %s store', (storeName) => {
  /** One store per test; on Redis several instances may share it (same prefix). */
  async function sharedStore() {
    if (storeName === 'memory') return undefined
    const store = createRedisStore({ redis: redis.client(), prefix: `sends-${Math.random()}:` })
    await redis.ready()
    return store
  }
  function app(overrides: TestAppOverrides, store: Awaited<ReturnType<typeof sharedStore>>) {
    const created = createTestApp(
      { ...overrides, ...(store === undefined ? {} : { store }) },
      undefined,
      {
        fixtures,
      },
    )
    const browser = (clientAddress: string, cookies: Record<string, string> = {}) =>
      createKitBrowser((request) => created.handler(request, { clientAddress }), { cookies })
    return { ...created, browser }
  }

  /**
   * Posts `route` until the first refusal (at most `max` times); checks that refusal is a typed
   * 429 with retryAt and Retry-After and cost CENTAGATE nothing; records the figures.
   */
  async function untilRefused(
    scenario: string,
    t: { upstream: { count: (endpoint?: string) => number } },
    endpoint: string,
    post: (index: number) => Promise<KitAnswer>,
    max: number,
  ) {
    const before = t.upstream.count(endpoint)
    let answer: KitAnswer | undefined
    let requests = 0
    let callsBeforeRefusal = 0
    while (requests < max) {
      callsBeforeRefusal = t.upstream.count(endpoint)
      answer = await post(requests)
      requests += 1
      if (answer.status === 429) break
    }
    expect(answer?.status, `${scenario}: ${answer?.raw}`).toBe(429)
    expect(t.upstream.count(endpoint), 'the refused send reached CENTAGATE').toBe(
      callsBeforeRefusal,
    )
    const retryAt = (answer!.body.error as { retryAt?: number }).retryAt
    expect(answer!.body).toMatchObject({ error: { code: 'rate_limited' } })
    expect(retryAt).toBeGreaterThan(Date.now() + 50 * 60_000)
    expect(Number(answer!.headers.get('retry-after'))).toBeGreaterThan(50 * 60)
    figures.push({
      store: storeName,
      scenario,
      requests,
      'first 429 at': requests,
      refused: 1,
      [`${endpoint} calls`]: t.upstream.count(endpoint) - before,
      'Retry-After (s)': answer!.headers.get('retry-after') ?? '',
    })
    return requests
  }

  it('15 challenge/send in a row meet a 429 (per user, 10 an hour); qr/send likewise', async () => {
    const t = app({}, await sharedStore())
    const alice = t.browser('203.0.113.10')
    await alice.post('login/start', { username: 'alice', password: 'alice-password' })
    const at = await untilRefused(
      'challenge/send x15, one user',
      t,
      'requestOtpChallenge',
      () => alice.post('challenge/send'),
      15,
    )
    expect(at).toBe(11)
    expect(t.upstream.count('requestOtpChallenge')).toBe(10)
    // Starting a new flow does not buy a new budget: the limit is the user's.
    const again = t.browser('203.0.113.11')
    await again.post('login/start', { username: 'alice', password: 'alice-password' })
    expect((await again.post('challenge/send')).status).toBe(429)

    const qr = t.browser('203.0.113.12')
    await qr.post('login/start', { username: 'alice', password: 'alice-password' })
    expect(
      await untilRefused('qr/send x15, one user', t, 'requestQrCode', () => qr.post('qr/send'), 15),
    ).toBe(11)
  })

  it('stepup/start: 20 per user an hour, 200 per address', async () => {
    const t = app({}, await sharedStore())
    const alice = t.browser('203.0.113.20', { 'app-session': 'alice' })
    expect(
      await untilRefused(
        'stepup/start, one user',
        t,
        'adaptive',
        () => alice.post('stepup/start'),
        30,
      ),
    ).toBe(21)
    // One address, users taking turns (each within its own 20): the address's 200 hold.
    const users = ['bob', ...Array.from({ length: 10 }, (_, index) => `sms-${index}`)]
    expect(
      await untilRefused(
        'stepup/start, one address, 11 users',
        t,
        'adaptive',
        (index) =>
          t
            .browser('203.0.113.21', { 'app-session': users[index % users.length]! })
            .post('stepup/start'),
        230,
      ),
    ).toBe(201)
  })

  it('tokens/register: 10 factor changes per user an hour (refused ones count), 30 per address', async () => {
    const t = app({}, await sharedStore())
    const bob = t.browser('203.0.113.30', { 'app-session': 'bob' })
    const register = (as: ReturnType<typeof t.browser>) =>
      as.post('tokens/register', { kind: 'sms', phoneNumber: '+60111222333' })
    // Without a step-up each answer is 401, and each asked CENTAGATE for bob's factor list.
    expect(
      await untilRefused('tokens/register, one user', t, 'userAuthList', () => register(bob), 15),
    ).toBe(11)
    const users = Array.from({ length: 4 }, (_, index) => `sms-${index}`)
    expect(
      await untilRefused(
        'tokens/register, one address, 4 users',
        t,
        'userAuthList',
        (index) => register(t.browser('203.0.113.31', { 'app-session': users[index % 4]! })),
        40,
      ),
    ).toBe(31)
  })

  it('sms/send: 30 per address an hour across users', async () => {
    const t = app({}, await sharedStore())
    const at = await untilRefused(
      'sms/send, one address, a new user each time',
      t,
      'requestSmsOtp',
      async (index) => {
        const browser = t.browser('2001:db8:99:1::' + (index + 1).toString(16))
        await browser.post('login/start', {
          username: `sms-${index}`,
          password: `sms-password-${index}`,
        })
        return browser.post('sms/send')
      },
      smsUsers,
    )
    // IPv6 addresses of one /64 share one budget.
    expect(at).toBe(31)
  })

  it('the global SMS budget (configured 12 an hour) holds across users, addresses and instances', async () => {
    const store = await sharedStore()
    const instances = [app({ limits: { smsGlobalPerHour: 12 } }, store)]
    // On Redis, a second kit instance sharing the store (it has its own emulator as CENTAGATE).
    if (store !== undefined) instances.push(app({ limits: { smsGlobalPerHour: 12 } }, store))
    const total = () => instances.reduce((sum, t) => sum + t.upstream.count('requestSmsOtp'), 0)
    const answers: string[] = []
    for (let index = 0; index < 20; index += 1) {
      const t = instances[index % instances.length]!
      const browser = t.browser(`198.51.100.${index + 1}`)
      await browser.post('login/start', {
        username: `sms-${index}`,
        password: `sms-password-${index}`,
      })
      const before = total()
      const sent = await browser.post('sms/send')
      answers.push(errorOf(sent))
      if (sent.status === 429) {
        expect(total()).toBe(before)
        expect(Number(sent.headers.get('retry-after'))).toBeGreaterThan(50 * 60)
      }
    }
    expect(answers.filter((answer) => answer === 'sent')).toHaveLength(12)
    expect(answers.slice(12)).toEqual(Array(8).fill('rate_limited'))
    figures.push({
      store: storeName,
      scenario: `global SMS budget 12/h, 20 users from 20 addresses, ${instances.length} instance(s)`,
      requests: 20,
      'first 429 at': answers.indexOf('rate_limited') + 1,
      refused: answers.filter((answer) => answer === 'rate_limited').length,
      'requestSmsOtp calls': total(),
    })
  })
})
