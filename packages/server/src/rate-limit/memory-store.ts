import type { CounterState, RateLimitStore } from './store'

export interface MemoryStoreOptions {
  /** Clock (epoch ms). Default `Date.now`; tests inject a fake one. */
  now?: () => number
  /** Entries kept before expired ones are swept. Default 10 000. */
  sweepThreshold?: number
}

/**
 * In-memory store: the default, for one process (and the browser-run Storybook). Expiry is lazy
 * on read plus a sweep when the map grows, so it needs no timers.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): RateLimitStore {
  const now = options.now ?? Date.now
  const sweepThreshold = options.sweepThreshold ?? 10_000
  const entries = new Map<string, CounterState>()

  const live = (key: string): CounterState | undefined => {
    const entry = entries.get(key)
    if (entry === undefined) return undefined
    if (entry.resetAt <= now()) {
      entries.delete(key)
      return undefined
    }
    return entry
  }
  // Sweep when the map reaches `nextSweepAt`, then not again until it has doubled: a full scan per
  // insert would make every new key cost O(n) while long windows keep all keys live.
  let nextSweepAt = sweepThreshold
  const sweep = () => {
    if (entries.size < nextSweepAt) return
    const time = now()
    for (const [key, entry] of entries) if (entry.resetAt <= time) entries.delete(key)
    nextSweepAt = Math.max(sweepThreshold, entries.size * 2)
  }

  return {
    increment(key, windowMs) {
      const entry = live(key)
      if (entry === undefined) {
        sweep()
        const created = { count: 1, resetAt: now() + windowMs }
        entries.set(key, created)
        return Promise.resolve({ ...created })
      }
      entry.count += 1
      return Promise.resolve({ ...entry })
    },
    get(key) {
      const entry = live(key)
      return Promise.resolve(entry === undefined ? null : { ...entry })
    },
    claim(key, ttlMs) {
      if (live(key) !== undefined) return Promise.resolve(false)
      sweep()
      entries.set(key, { count: 1, resetAt: now() + ttlMs })
      return Promise.resolve(true)
    },
    reset(key) {
      entries.delete(key)
      return Promise.resolve()
    },
  }
}
