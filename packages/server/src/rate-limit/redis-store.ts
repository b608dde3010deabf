/**
 * `@centagate-kit/server/redis`: the rate-limit store on Redis (ioredis), for several handler
 * instances. INCR+PEXPIRE run in one Lua script and claims use `SET NX PX`, so concurrent
 * instances never both win. Any Redis failure becomes `StoreUnavailableError`: the handler then
 * fails closed (503), it never skips a limit.
 */
import type { Redis } from 'ioredis'
import type { CounterState, RateLimitStore } from './store'
import { StoreUnavailableError } from './store'

export { StoreUnavailableError } from './store'
export type { CounterState, RateLimitStore } from './store'

const incrementScript = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`
const getScript = `
local value = redis.call('GET', KEYS[1])
if not value then return nil end
return {tonumber(value), redis.call('PTTL', KEYS[1])}
`

export interface RedisStoreOptions {
  /** An ioredis client. For fail-fast behaviour create it with `enableOfflineQueue: false`. */
  redis: Redis
  /** Key prefix. Default `centagate-kit:`. */
  prefix?: string
}

export function createRedisStore(options: RedisStoreOptions): RateLimitStore {
  const { redis } = options
  const prefix = options.prefix ?? 'centagate-kit:'
  const guard = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation()
    } catch (error) {
      throw new StoreUnavailableError('rate-limit store (Redis) unavailable', { cause: error })
    }
  }
  const toState = (reply: unknown): CounterState | null => {
    if (!Array.isArray(reply)) return null
    const [count, ttl] = reply as [number, number]
    return { count: Number(count), resetAt: Date.now() + Math.max(0, Number(ttl)) }
  }
  return {
    increment: (key, windowMs) =>
      guard(async () => {
        const reply = await redis.eval(incrementScript, 1, prefix + key, String(windowMs))
        const state = toState(reply)
        if (state === null) throw new Error('unexpected Redis reply')
        return state
      }),
    get: (key) => guard(async () => toState(await redis.eval(getScript, 1, prefix + key))),
    claim: (key, ttlMs) =>
      guard(async () => (await redis.set(prefix + key, '1', 'PX', ttlMs, 'NX')) === 'OK'),
    reset: (key) =>
      guard(async () => {
        await redis.del(prefix + key)
      }),
  }
}
