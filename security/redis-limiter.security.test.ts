// Threat: limits that only hold inside one process (T-D4b/c, ASVS 4 11.1.4): an attacker spreading
// guesses or SMS requests over several app instances multiplies the budget; and a limiter store
// outage turning into "no limits" (fail open) or into a 500 with a stack trace. Two handler
// instances share one real Redis (Debian redis-server on loopback); then Redis is stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadUsername } from './support/fixtures'
import { device } from './support/kit-requests'
import { Journey, smsLoginUntilCode } from './support/journeys'
import type { Handle } from './support/journeys'
import { kitErrorBody } from '@centagate-kit/protocol'
import { type RedisInstance, startRedis } from './support/redis-server'
import { createRedisStore } from '@centagate-kit/server/redis'
import { createCentagateHandler } from '@centagate-kit/server'
import { createStack, kitConfig, upstreamBaseUrl } from './support/stack'
import type { Stack } from './support/stack'

let redis: RedisInstance
let stack: Stack
let instanceA: Handle
let instanceB: Handle
const figures: Record<string, string | number>[] = []

const errorCode = (json: unknown) => (json as { error?: { code?: string } } | null)?.error?.code

beforeAll(async () => {
  redis = await startRedis()
  const prefix = `suite-${Date.now()}:`
  const storeA = createRedisStore({ redis: await redis.client(), prefix })
  const storeB = createRedisStore({ redis: await redis.client(), prefix })
  stack = createStack({ loadUsers: 10, handler: { store: storeA } })
  instanceA = stack.handle
  // A second instance: same app configuration and CENTAGATE, its own Redis connection.
  const second = createCentagateHandler({
    ...kitConfig(
      stack.canaries,
      {
        baseUrl: upstreamBaseUrl,
        integrationKey: stack.canaries.integrationKey,
        secretKey: stack.canaries.secretKey,
        fetch: stack.upstream,
        timeoutMs: 2_000,
      },
      stack.serverLog,
    ),
    store: storeB,
  })
  instanceB = stack.traffic.wrap(second)
})

afterAll(async () => {
  await redis?.dispose()
  console.log(`\nRedis shared limiter (redis-server on 127.0.0.1:${redis?.port})`)
  console.table(figures)
})

/** One journey whose calls alternate between the two instances. */
function alternating(): Handle {
  let turn = 0
  return (request) => (turn++ % 2 === 0 ? instanceA : instanceB)(request)
}

const authSmsOtpCalls = () =>
  stack.upstream.paths.filter((path) => path.endsWith('/auth/authSmsOtp')).length
const smsSends = () =>
  stack.upstream.paths.filter((path) => path.endsWith('/req/requestSmsOtp')).length

describe('shared Redis limiter across two handler instances', () => {
  it('per-challenge cap: guesses alternating between instances reach CENTAGATE at most 5 times', async () => {
    const handle = alternating()
    const { journey, code } = await smsLoginUntilCode(
      handle,
      stack.control,
      loadUsername(0),
      'load-password-0',
    )
    const before = authSmsOtpCalls()
    const answers: string[] = []
    for (let index = 0; index < 8; index += 1) {
      const wrong = String((Number(code) + 1 + index) % 1_000_000).padStart(6, '0')
      answers.push(
        errorCode((await journey.send('sms/verify', { code: wrong, device })).json) ?? '?',
      )
    }
    const correct = await journey.send('sms/verify', { code, device })
    const reached = authSmsOtpCalls() - before
    figures.push({
      case: '8 wrong + 1 right, alternating A/B',
      'upstream authSmsOtp': reached,
      answers: answers.join(' '),
      'right code after': errorCode(correct.json) ?? String(correct.status),
    })
    expect(reached).toBe(5)
    expect(answers.slice(5)).toEqual(['challenge_locked', 'challenge_locked', 'challenge_locked'])
    expect(correct.status).not.toBe(200)
  })

  it('SMS cooldown: a resend through the other instance is refused before CENTAGATE', async () => {
    const first = new Journey(instanceA)
    await first.expectOk('login/start', {
      username: loadUsername(1),
      password: 'load-password-1',
      device,
    })
    const sendsBefore = smsSends()
    await first.expectOk('sms/send', { device })
    // The same browser (same flow cookie), its resend routed to the other instance.
    const resend = await instanceB(first.request('sms/send', { body: { device } }))
    const viaB = { status: resend.status, json: (await resend.json()) as unknown }
    figures.push({
      case: 'SMS send on A, resend on B',
      'upstream requestSmsOtp': smsSends() - sendsBefore,
      'resend answer': errorCode(viaB.json) ?? String(viaB.status),
    })
    expect(viaB.status).toBe(429)
    expect(errorCode(viaB.json)).toBe('rate_limited')
    expect(smsSends() - sendsBefore).toBe(1)
  })

  it('20 parallel correct verifications spread over both instances → exactly one success', async () => {
    const { journey, code } = await smsLoginUntilCode(
      instanceA,
      stack.control,
      loadUsername(2),
      'load-password-2',
    )
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 === 0 ? instanceA : instanceB)(
          journey.request('sms/verify', { body: { code, device } }),
        ),
      ),
    )
    const successes = results.filter((r) => r.status === 200).length
    figures.push({ case: '20 x correct code over A and B at once', successes })
    expect(successes).toBe(1)
  })

  it('Redis down: fails closed with a typed 503, no stack trace, 0 upstream calls', async () => {
    await redis.stop()
    const before = stack.upstream.calls
    const answers: string[] = []
    for (const handle of [instanceA, instanceB]) {
      const started = performance.now()
      const response = await handle(
        new Journey(handle).request('login/start', {
          body: { username: 'bob', password: 'bob-password', device },
        }),
      )
      const text = await response.text()
      const ms = Math.round(performance.now() - started)
      const parsed = kitErrorBody.safeParse(JSON.parse(text))
      answers.push(`${response.status} ${parsed.success ? parsed.data.error.code : text} ${ms} ms`)
      expect(response.status).toBe(503)
      expect(parsed.success, text).toBe(true)
      expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|ECONNREFUSED|Redis|Error:/i)
      expect(ms).toBeLessThan(2_000)
    }
    figures.push({
      case: 'Redis stopped, login on A and B',
      answers: answers.join(' | '),
      'upstream calls': stack.upstream.calls - before,
    })
    expect(stack.upstream.calls - before).toBe(0)
  })

  it('no canary secret in any answer or log line', () => {
    expect(stack.leaks()).toEqual([])
  })
})
