/**
 * Where the kit keeps what must not live in a browser cookie: attempt and send counters (so that
 * replaying an older cookie gains nothing) and each flow's record (what CENTAGATE rotates under
 * concurrent requests, the newest authToken, and the pending challenge), worked on by one request
 * at a time through a lease. Every operation is atomic per key (the Redis store uses Lua scripts
 * and `SET NX PX`), so several handler instances sharing one store enforce one limit together and
 * see one flow record.
 */
export interface CounterState {
  /** Value after the operation. */
  count: number
  /** When the key expires (epoch ms). */
  resetAt: number
}

/** What {@link RateLimitStore.leaseRecord} found under a key. */
export type RecordLease =
  /** No record: never written, expired or deleted. */
  | { state: 'absent' }
  /** The caller holds the lease now; the record's value. */
  | { state: 'leased'; value: string }
  /** Another holder's lease is live: the value as it stands and the most the lease can still last. */
  | { state: 'busy'; value: string; retryInMs: number }

/** How {@link RateLimitStore.settleRecord} leaves a record. */
export interface RecordSettlement {
  /** The new value; `null` deletes the record; absent leaves the value as it is. */
  value?: string | null
  /** Lifetime from now when a value is written. */
  ttlMs: number
  /** Keep holding the lease (a checkpoint in the middle of the work). Default `false`. */
  keepLease?: boolean
}

export interface RateLimitStore {
  /** Adds one; a new key starts at 1 and lives `windowMs`. */
  increment(key: string, windowMs: number): Promise<CounterState>
  /** Gives one back (a reservation that was not used): never below 0, keeps the key's expiry. */
  decrement(key: string): Promise<void>
  /** The current value, or `null` when absent or expired. */
  get(key: string): Promise<CounterState | null>
  /** Sets `key` only when absent (a lock, a cooldown, a consumed id). `true` when this call set it. */
  claim(key: string, ttlMs: number): Promise<boolean>
  /** Deletes the key. */
  reset(key: string): Promise<void>
  /** Writes a new record under `key` (replacing any), not leased, living `ttlMs`. */
  putRecord(key: string, value: string, ttlMs: number): Promise<void>
  /**
   * Leases the record to `holder` for `leaseMs` when nobody holds it, when its lease has lapsed or
   * when `holder` already holds it; answers the value either way (`busy` when another holder's
   * lease is live).
   */
  leaseRecord(key: string, holder: string, leaseMs: number): Promise<RecordLease>
  /**
   * Writes (or deletes) the record and frees the lease, only while `holder` still holds it (a
   * lapsed lease nobody took over still counts). `false` when the lease was lost: taken over by
   * another holder, or the record deleted meanwhile (then nothing is written).
   */
  settleRecord(key: string, holder: string, settlement: RecordSettlement): Promise<boolean>
  /** Deletes a record whoever holds its lease (the flow ends). */
  deleteRecord(key: string): Promise<void>
}

/** The store could not be reached: the handler fails closed with a 503. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError'
}
