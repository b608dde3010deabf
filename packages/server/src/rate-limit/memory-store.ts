import type { CounterState, RateLimitStore, RecordLease } from './store'

export interface MemoryStoreOptions {
  /** Clock (epoch ms). Default `Date.now`; tests inject a fake one. */
  now?: () => number
  /** Entries kept before expired ones are swept. Default 10 000. */
  sweepThreshold?: number
}

/** A flow record: its value, expiry and the lease on it. */
interface RecordEntry {
  value: string
  resetAt: number
  holder?: string
  /** When the holder's lease lapses (epoch ms). */
  leaseUntil: number
}

/**
 * A map whose entries expire at `resetAt`: lazily on read, plus a sweep when the map grows, so it
 * needs no timers.
 */
function expiringMap<V extends { resetAt: number }>(now: () => number, sweepThreshold: number) {
  const entries = new Map<string, V>()
  // Sweep when the map reaches `nextSweepAt`, then not again until it has doubled: a full scan per
  // insert would make every new key cost O(n) while long windows keep all keys live.
  let nextSweepAt = sweepThreshold
  return {
    live(key: string): V | undefined {
      const entry = entries.get(key)
      if (entry === undefined) return undefined
      if (entry.resetAt <= now()) {
        entries.delete(key)
        return undefined
      }
      return entry
    },
    insert(key: string, entry: V): void {
      if (entries.size >= nextSweepAt) {
        const time = now()
        for (const [candidate, value] of entries) {
          if (value.resetAt <= time) entries.delete(candidate)
        }
        nextSweepAt = Math.max(sweepThreshold, entries.size * 2)
      }
      entries.set(key, entry)
    },
    delete(key: string): void {
      entries.delete(key)
    },
  }
}

/**
 * In-memory store: the default, for one process (and the browser-run Storybook). Several handler
 * instances need a shared store (Redis): flow records live here too.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): RateLimitStore {
  const now = options.now ?? Date.now
  const sweepThreshold = options.sweepThreshold ?? 10_000
  const counters = expiringMap<CounterState>(now, sweepThreshold)
  const records = expiringMap<RecordEntry>(now, sweepThreshold)

  const lease = (key: string, holder: string, leaseMs: number): RecordLease => {
    const entry = records.live(key)
    if (entry === undefined) return { state: 'absent' }
    const time = now()
    if (entry.holder !== undefined && entry.holder !== holder && entry.leaseUntil > time) {
      return { state: 'busy', value: entry.value, retryInMs: entry.leaseUntil - time }
    }
    entry.holder = holder
    entry.leaseUntil = time + leaseMs
    return { state: 'leased', value: entry.value }
  }

  return {
    increment(key, windowMs) {
      const entry = counters.live(key)
      if (entry === undefined) {
        const created = { count: 1, resetAt: now() + windowMs }
        counters.insert(key, created)
        return Promise.resolve({ ...created })
      }
      entry.count += 1
      return Promise.resolve({ ...entry })
    },
    decrement(key) {
      const entry = counters.live(key)
      if (entry !== undefined && entry.count > 0) entry.count -= 1
      return Promise.resolve()
    },
    get(key) {
      const entry = counters.live(key)
      return Promise.resolve(entry === undefined ? null : { ...entry })
    },
    claim(key, ttlMs) {
      if (counters.live(key) !== undefined) return Promise.resolve(false)
      counters.insert(key, { count: 1, resetAt: now() + ttlMs })
      return Promise.resolve(true)
    },
    reset(key) {
      counters.delete(key)
      return Promise.resolve()
    },
    putRecord(key, value, ttlMs) {
      records.delete(key)
      records.insert(key, { value, resetAt: now() + ttlMs, leaseUntil: 0 })
      return Promise.resolve()
    },
    leaseRecord(key, holder, leaseMs) {
      return Promise.resolve(lease(key, holder, leaseMs))
    },
    settleRecord(key, holder, settlement) {
      const entry = records.live(key)
      if (entry === undefined || entry.holder !== holder) return Promise.resolve(false)
      if (settlement.value === null) {
        records.delete(key)
        return Promise.resolve(true)
      }
      if (settlement.value !== undefined) {
        entry.value = settlement.value
        entry.resetAt = now() + settlement.ttlMs
      }
      if (settlement.keepLease !== true) {
        delete entry.holder
        entry.leaseUntil = 0
      }
      return Promise.resolve(true)
    },
    deleteRecord(key) {
      records.delete(key)
      return Promise.resolve()
    },
  }
}
