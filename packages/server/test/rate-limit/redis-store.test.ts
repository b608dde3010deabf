// The Redis store against a real redis-server (Debian), started and stopped by this file:
// atomic counters and claims, two handler instances enforcing ONE limit together over HTTP
// against the emulator, and failing closed (typed 503) when Redis goes away.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createCentagateHandler, createNodeFetch, toNodeHandler } from '@centagate-kit/server/node'
import { createRedisStore } from '@centagate-kit/server/redis'
import { type EmulatorUnderTest, startEmulator } from '@centagate-kit/testkit/emulator-harness'
import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { startRedis } from '@centagate-kit/testkit/redis'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

let redis: Awaited<ReturnType<typeof startRedis>>
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await redis.close()
})

describe('createRedisStore (real redis-server)', () => {
  it('increments atomically under concurrency and expires', async () => {
    const store = createRedisStore({ redis: redis.client(), prefix: 'unit1:' })
    await redis.ready()
    const results = await Promise.all(Array.from({ length: 100 }, () => store.increment('k', 300)))
    expect(results.map((result) => result.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, index) => index + 1),
    )
    expect((await store.get('k'))?.count).toBe(100)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(await store.get('k')).toBeNull()
  })

  it('claims: exactly one of 20 concurrent claims wins', async () => {
    const a = createRedisStore({ redis: redis.client(), prefix: 'unit2:' })
    const b = createRedisStore({ redis: redis.client(), prefix: 'unit2:' })
    await redis.ready()
    const wins = await Promise.all(
      Array.from({ length: 20 }, (_, index) => (index % 2 ? a : b).claim('lock', 5_000)),
    )
    expect(wins.filter(Boolean)).toHaveLength(1)
    await a.reset('lock')
    expect(await b.claim('lock', 5_000)).toBe(true)
  })
})

describe('two handler instances sharing one Redis (over HTTP, emulator upstream)', () => {
  let emulator: EmulatorUnderTest
  let apps: { url: string; close: () => Promise<void> }[]
  const nodeFetch = createNodeFetch()

  beforeEach(async () => {
    emulator = await startEmulator()
    const prefix = `shared-${Math.random().toString(36).slice(2)}:`
    apps = []
    // Two instances behind one site: the browser's origin is the first instance's.
    const servers = [createServer(), createServer()]
    for (const server of servers)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const urls = servers.map(
      (server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    )
    servers.forEach((server, instance) => {
      const kit = createCentagateHandler({
        centagate: { ...emulator.upstream.centagate, fetch: nodeFetch },
        cookieSecrets: [{ id: 'k1', secret: 'shared-cookie-secret-for-both-instances-01' }],
        store: createRedisStore({ redis: redis.client(), prefix }),
        allowedOrigins: urls,
      })
      server.on('request', toNodeHandler(kit))
      apps.push({
        url: urls[instance]!,
        close: async () => {
          server.closeAllConnections()
          await new Promise<void>((resolve) => server.close(() => resolve()))
        },
      })
    })
    await redis.ready()
  })
  afterEach(async () => {
    for (const app of apps) await app.close()
    await emulator.close()
  })

  /** A browser whose requests alternate between the two instances (same site, one cookie jar). */
  function alternatingBrowser() {
    let turn = 0
    const origin = apps[0]!.url
    return createKitBrowser(
      (request) => {
        const target = apps[turn++ % 2]!.url
        const url = new URL(request.url)
        return fetch(new Request(`${target}${url.pathname}`, request))
      },
      { origin },
    )
  }
  const upstream = (endpoint: string) => emulator.upstreamCalls(endpoint)

  it('an attacker alternating instances gets at most 10 wrong guesses before the lock', async () => {
    const browser = alternatingBrowser()
    expect(
      (await browser.post('login/start', { username: 'alice', password: 'alice-password' })).status,
    ).toBe(200)
    let locked = false
    for (let round = 0; round < 6 && !locked; round++) {
      await browser.post('challenge/send')
      for (let guess = 0; guess < 5 && !locked; guess++) {
        const answer = await browser.post('challenge/verify', { response: '000000' })
        locked = answer.status === 423
      }
    }
    expect(locked).toBe(true)
    expect(await upstream('authCrOtp')).toBe(10)
    const after = await browser.post('challenge/send')
    expect(after.status).toBe(423)
  })

  it('5 wrong codes per challenge across instances, and one SMS for a double click', async () => {
    const browser = alternatingBrowser()
    await browser.post('login/start', { username: 'alice', password: 'alice-password' })
    await browser.post('challenge/send')
    for (let guess = 0; guess < 5; guess++)
      await browser.post('challenge/verify', { response: '000000' })
    expect((await browser.post('challenge/verify', { response: '000000' })).body).toMatchObject({
      error: { code: 'challenge_locked' },
    })
    expect(await upstream('authCrOtp')).toBe(5)
    const [a, b] = await Promise.all([browser.post('sms/send'), browser.post('sms/send')])
    expect([a.status, b.status].sort()).toEqual([200, 429])
    expect(await upstream('requestSmsOtp')).toBe(1)
  })

  it('fails closed with a typed 503 (no stack, 0 upstream calls) when Redis is down', async () => {
    const browser = createKitBrowser((request) => fetch(request), { origin: apps[0]!.url })
    await redis.stop()
    const before = await emulator.stats()
    const answer = await browser.post('login/start', {
      username: 'alice',
      password: 'alice-password',
    })
    expect(answer.status).toBe(503)
    expect(answer.body).toMatchObject({
      error: { code: 'upstream_unavailable', messageKey: 'kit.store_unavailable' },
    })
    expect(answer.raw).not.toMatch(/Error|at |Redis|ECONN/)
    const after = await emulator.stats()
    expect(after.total - before.total).toBe(0) // the stats call itself is not counted
  })
})
