/**
 * Where attempt and send counters live. They are kept outside the flow cookie so that replaying
 * an older cookie gains nothing. Every operation is atomic per key (the Redis store uses Lua and
 * `SET NX PX`), so several handler instances sharing one store enforce one limit together.
 */
export interface CounterState {
  /** Value after the operation. */
  count: number
  /** When the key expires (epoch ms). */
  resetAt: number
}

export interface RateLimitStore {
  /** Adds one; a new key starts at 1 and lives `windowMs`. */
  increment(key: string, windowMs: number): Promise<CounterState>
  /** The current value, or `null` when absent or expired. */
  get(key: string): Promise<CounterState | null>
  /** Sets `key` only when absent (a lock, a cooldown, a consumed id). `true` when this call set it. */
  claim(key: string, ttlMs: number): Promise<boolean>
  /** Deletes the key. */
  reset(key: string): Promise<void>
}

/** The store could not be reached: the handler fails closed with a 503. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError'
}
