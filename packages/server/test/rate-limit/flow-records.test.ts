// Flow records in the kit's store, on the memory store and on a real redis-server (Debian) alike:
// the lease (one holder at a time, compare-and-set on the holder, lapse), lifetimes, giving a
// reservation back, and the flows' turns (`createFlowRecords`) across two handler instances.
import { type RateLimitStore, createMemoryStore } from '@centagate-kit/server'
import { createRedisStore } from '@centagate-kit/server/redis'
import { startRedis } from '@centagate-kit/testkit/redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFlowRecords } from '../../src/flow/flow-records'

let redis: Awaited<ReturnType<typeof startRedis>>
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await redis.close()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
let namespace = 0

/** A fresh store of each kind; `pair` gives two handles on one store (two instances). */
const stores: Record<string, () => Promise<[RateLimitStore, RateLimitStore]>> = {
  memory: () => {
    const store = createMemoryStore()
    return Promise.resolve([store, store])
  },
  redis: async () => {
    const prefix = `records-${namespace++}:`
    const pair: [RateLimitStore, RateLimitStore] = [
      createRedisStore({ redis: redis.client(), prefix }),
      createRedisStore({ redis: redis.client(), prefix }),
    ]
    await redis.ready()
    return pair
  },
}

describe.each(Object.keys(stores))('%s store: flow records', (kind) => {
  const open = stores[kind]!

  it('one holder at a time: others see busy with the value; the holder may lease again', async () => {
    const [a, b] = await open()
    expect(await a.leaseRecord('r', 'h1', 1_000)).toEqual({ state: 'absent' })
    await a.putRecord('r', 'v1', 60_000)
    expect(await a.leaseRecord('r', 'h1', 1_000)).toEqual({ state: 'leased', value: 'v1' })
    const busy = await b.leaseRecord('r', 'h2', 1_000)
    expect(busy).toMatchObject({ state: 'busy', value: 'v1' })
    expect(busy.state === 'busy' && busy.retryInMs > 0 && busy.retryInMs <= 1_000).toBe(true)
    expect(await a.leaseRecord('r', 'h1', 1_000)).toEqual({ state: 'leased', value: 'v1' })
  })

  it('only the holder settles; settling frees the lease and writes the value', async () => {
    const [a, b] = await open()
    await a.putRecord('r', 'v1', 60_000)
    await a.leaseRecord('r', 'h1', 1_000)
    expect(await b.settleRecord('r', 'h2', { value: 'stolen', ttlMs: 60_000 })).toBe(false)
    expect(await a.settleRecord('r', 'h1', { value: 'v2', ttlMs: 60_000 })).toBe(true)
    expect(await b.leaseRecord('r', 'h2', 1_000)).toEqual({ state: 'leased', value: 'v2' })
    // Settling without a value frees the lease and keeps the record.
    expect(await b.settleRecord('r', 'h2', { ttlMs: 60_000 })).toBe(true)
    expect(await a.leaseRecord('r', 'h3', 1_000)).toEqual({ state: 'leased', value: 'v2' })
  })

  it('a checkpoint keeps the lease; null deletes the record', async () => {
    const [a, b] = await open()
    await a.putRecord('r', 'v1', 60_000)
    await a.leaseRecord('r', 'h1', 1_000)
    expect(await a.settleRecord('r', 'h1', { value: 'v2', ttlMs: 60_000, keepLease: true })).toBe(
      true,
    )
    expect(await b.leaseRecord('r', 'h2', 1_000)).toMatchObject({ state: 'busy', value: 'v2' })
    expect(await a.settleRecord('r', 'h1', { value: null, ttlMs: 60_000 })).toBe(true)
    expect(await b.leaseRecord('r', 'h2', 1_000)).toEqual({ state: 'absent' })
  })

  it('a record deleted under its holder stays deleted (the holder cannot write it back)', async () => {
    const [a, b] = await open()
    await a.putRecord('r', 'v1', 60_000)
    await a.leaseRecord('r', 'h1', 1_000)
    await b.deleteRecord('r')
    expect(await a.settleRecord('r', 'h1', { value: 'v2', ttlMs: 60_000 })).toBe(false)
    expect(await a.leaseRecord('r', 'h1', 1_000)).toEqual({ state: 'absent' })
  })

  it('a lapsed lease can be taken over, and the old holder then writes nothing', async () => {
    const [a, b] = await open()
    await a.putRecord('r', 'v1', 60_000)
    await a.leaseRecord('r', 'h1', 40)
    await sleep(80)
    expect(await b.leaseRecord('r', 'h2', 1_000)).toEqual({ state: 'leased', value: 'v1' })
    expect(await a.settleRecord('r', 'h1', { value: 'late', ttlMs: 60_000 })).toBe(false)
    expect(await b.settleRecord('r', 'h2', { value: 'v2', ttlMs: 60_000 })).toBe(true)
    expect(await a.leaseRecord('r', 'h1', 1_000)).toEqual({ state: 'leased', value: 'v2' })
  })

  it('records expire with their lifetime, renewed by each write', async () => {
    const [a] = await open()
    await a.putRecord('r', 'v1', 60)
    await a.leaseRecord('r', 'h1', 1_000)
    expect(await a.settleRecord('r', 'h1', { value: 'v2', ttlMs: 250 })).toBe(true)
    await sleep(120)
    expect(await a.leaseRecord('r', 'h1', 1_000)).toEqual({ state: 'leased', value: 'v2' })
    await a.settleRecord('r', 'h1', { ttlMs: 250 })
    await sleep(200)
    expect(await a.leaseRecord('r', 'h1', 1_000)).toEqual({ state: 'absent' })
  })

  it('decrement gives one back, never below 0, and keeps the expiry', async () => {
    const [a] = await open()
    await a.increment('c', 300)
    await a.increment('c', 300)
    await a.decrement('c')
    expect((await a.get('c'))?.count).toBe(1)
    await a.decrement('c')
    await a.decrement('c')
    expect((await a.get('c'))?.count).toBe(0)
    await a.decrement('absent')
    expect(await a.get('absent')).toBeNull()
    await sleep(350)
    expect(await a.get('c')).toBeNull()
  })

  it('two instances: 40 concurrent turns on one flow run one at a time and lose no write', async () => {
    const [a, b] = await open()
    const options = { leaseMs: 5_000, maxWaitMs: 5_000, now: Date.now }
    const instances = [createFlowRecords(a, options), createFlowRecords(b, options)]
    const expiresAt = Date.now() + 60_000
    await instances[0]!.create('f', { authToken: 't0', methods: ['sms'] }, expiresAt)
    let running = 0
    let most = 0
    await Promise.all(
      Array.from({ length: 40 }, async (_, index) => {
        const turn = await instances[index % 2]!.take('f', expiresAt, { wait: true })
        if (turn.state !== 'held') throw new Error(`turn ${index}: ${turn.state}`)
        running += 1
        most = Math.max(most, running)
        await sleep(1)
        const seen = Number(turn.flow.record.authToken.slice(1))
        running -= 1
        // A read-modify-write of the token, as a rotating upstream call does.
        expect(await turn.flow.release({ ...turn.flow.record, authToken: `t${seen + 1}` })).toBe(
          true,
        )
      }),
    )
    expect(most).toBe(1)
    const last = await instances[1]!.take('f', expiresAt, { wait: false })
    expect(last.state === 'held' && last.flow.record.authToken).toBe('t40')
  })

  it('a turn without waiting answers busy with the record; a wait runs out at maxWaitMs', async () => {
    const [a, b] = await open()
    const expiresAt = Date.now() + 60_000
    const first = createFlowRecords(a, { leaseMs: 5_000, maxWaitMs: 5_000, now: Date.now })
    const second = createFlowRecords(b, { leaseMs: 5_000, maxWaitMs: 60, now: Date.now })
    await first.create('f', { authToken: 't0', methods: ['qr'] }, expiresAt)
    const held = await first.take('f', expiresAt, { wait: true })
    expect(held.state).toBe('held')
    expect(await second.take('f', expiresAt, { wait: false })).toEqual({
      state: 'busy',
      record: { authToken: 't0', methods: ['qr'] },
    })
    const started = Date.now()
    expect((await second.take('f', expiresAt, { wait: true })).state).toBe('busy')
    expect(Date.now() - started).toBeGreaterThanOrEqual(50)
    if (held.state === 'held') await held.flow.release(null)
    expect(await second.take('f', expiresAt, { wait: true })).toEqual({ state: 'absent' })
  })

  it('the completion of a flow is claimed once', async () => {
    const [a, b] = await open()
    const options = { leaseMs: 5_000, maxWaitMs: 5_000, now: Date.now }
    const instances = [createFlowRecords(a, options), createFlowRecords(b, options)]
    const expiresAt = Date.now() + 60_000
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        instances[index % 2]!.claimCompletion('f', expiresAt),
      ),
    )
    expect(claims.filter(Boolean)).toHaveLength(1)
    await instances[0]!.unclaimCompletion('f')
    expect(await instances[1]!.claimCompletion('f', expiresAt)).toBe(true)
  })
})
