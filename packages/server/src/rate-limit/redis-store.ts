/**
 * `@centagate-kit/server/redis`: the kit's store on Redis (ioredis), for several handler
 * instances. Counters: INCR+PEXPIRE in one Lua script, claims with `SET NX PX`. Flow records: a
 * hash (`d` value, `h` lease holder, `t` lease end on the Redis clock) read and written by Lua
 * scripts, so a lease is taken, checked and released atomically (compare-and-set on the holder)
 * and instances with skewed clocks still agree on when a lease lapses. Any Redis failure becomes
 * `StoreUnavailableError`: the handler then fails closed (503), it never skips a limit.
 */
import type { Redis } from 'ioredis'
import type { CounterState, RateLimitStore, RecordLease } from './store'
import { StoreUnavailableError } from './store'

export { StoreUnavailableError } from './store'
export type { CounterState, RateLimitStore, RecordLease, RecordSettlement } from './store'

const incrementScript = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`
// DECR keeps the key's TTL; a missing key is not created (nothing to give back).
const decrementScript = `
local value = tonumber(redis.call('GET', KEYS[1]) or '0')
if value and value > 0 then redis.call('DECR', KEYS[1]) end
return 1
`
const getScript = `
local value = redis.call('GET', KEYS[1])
if not value then return nil end
return {tonumber(value), redis.call('PTTL', KEYS[1])}
`
const putRecordScript = `
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'd', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`
// {0} absent; {1, value, ms left} busy; {2, value} leased to ARGV[1] for ARGV[2] ms.
const leaseRecordScript = `
local fields = redis.call('HMGET', KEYS[1], 'd', 'h', 't')
local value = fields[1]
if not value then return {0} end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local holder = fields[2]
local leaseEnd = tonumber(fields[3] or '0') or 0
if holder and holder ~= ARGV[1] and leaseEnd > now then return {1, value, leaseEnd - now} end
redis.call('HSET', KEYS[1], 'h', ARGV[1], 't', tostring(now + tonumber(ARGV[2])))
return {2, value}
`
// ARGV: holder, mode (keep | write | delete), value, ttl ms, keep lease (1 | 0).
const settleRecordScript = `
if redis.call('HGET', KEYS[1], 'h') ~= ARGV[1] then return 0 end
if ARGV[2] == 'delete' then redis.call('DEL', KEYS[1]); return 1 end
if ARGV[2] == 'write' then
  redis.call('HSET', KEYS[1], 'd', ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
if ARGV[5] ~= '1' then redis.call('HDEL', KEYS[1], 'h', 't') end
return 1
`

export interface RedisStoreOptions {
  /** An ioredis client. For fail-fast behaviour create it with `enableOfflineQueue: false`. */
  redis: Redis
  /** Key prefix. Default `centagate-kit:`. */
  prefix?: string
}

/** Redis needs a positive whole number of milliseconds. */
const ttlArgument = (ms: number) => String(Math.max(1, Math.ceil(ms)))

export function createRedisStore(options: RedisStoreOptions): RateLimitStore {
  const { redis } = options
  const prefix = options.prefix ?? 'centagate-kit:'
  const guard = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation()
    } catch (error) {
      throw new StoreUnavailableError('kit store (Redis) unavailable', { cause: error })
    }
  }
  const toState = (reply: unknown): CounterState | null => {
    if (!Array.isArray(reply)) return null
    const [count, ttl] = reply as [number, number]
    return { count: Number(count), resetAt: Date.now() + Math.max(0, Number(ttl)) }
  }
  const toLease = (reply: unknown): RecordLease => {
    if (!Array.isArray(reply)) throw new Error('unexpected Redis reply')
    const [kind, value, retryInMs] = reply as [number, string | undefined, number | undefined]
    if (Number(kind) === 0) return { state: 'absent' }
    if (typeof value !== 'string') throw new Error('unexpected Redis reply')
    if (Number(kind) === 2) return { state: 'leased', value }
    return { state: 'busy', value, retryInMs: Math.max(0, Number(retryInMs)) }
  }
  return {
    increment: (key, windowMs) =>
      guard(async () => {
        const reply = await redis.eval(incrementScript, 1, prefix + key, String(windowMs))
        const state = toState(reply)
        if (state === null) throw new Error('unexpected Redis reply')
        return state
      }),
    decrement: (key) =>
      guard(async () => {
        await redis.eval(decrementScript, 1, prefix + key)
      }),
    get: (key) => guard(async () => toState(await redis.eval(getScript, 1, prefix + key))),
    claim: (key, ttlMs) =>
      guard(async () => (await redis.set(prefix + key, '1', 'PX', ttlMs, 'NX')) === 'OK'),
    reset: (key) =>
      guard(async () => {
        await redis.del(prefix + key)
      }),
    putRecord: (key, value, ttlMs) =>
      guard(async () => {
        await redis.eval(putRecordScript, 1, prefix + key, value, ttlArgument(ttlMs))
      }),
    leaseRecord: (key, holder, leaseMs) =>
      guard(async () =>
        toLease(await redis.eval(leaseRecordScript, 1, prefix + key, holder, ttlArgument(leaseMs))),
      ),
    settleRecord: (key, holder, settlement) =>
      guard(async () => {
        const mode =
          settlement.value === null ? 'delete' : settlement.value === undefined ? 'keep' : 'write'
        const reply = await redis.eval(
          settleRecordScript,
          1,
          prefix + key,
          holder,
          mode,
          settlement.value ?? '',
          ttlArgument(settlement.ttlMs),
          settlement.keepLease === true ? '1' : '0',
        )
        return Number(reply) === 1
      }),
    deleteRecord: (key) =>
      guard(async () => {
        await redis.del(prefix + key)
      }),
  }
}
