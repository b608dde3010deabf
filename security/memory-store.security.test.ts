// Threat: CPU exhaustion of the default (in-memory) limiter store (T-L2, ASVS 5 2.4.1): counters
// with 1-hour and 24-hour windows stay live, so a busy single-process server soon holds more than
// the store's sweep threshold (10,000 keys); if every new key then costs a full scan of the map,
// each step-up blocks the event loop for milliseconds and an attacker who creates keys cheaply
// (distinct usernames at login/start, distinct IPs) slows every user down.
import { describe, expect, it } from 'vitest'
import { createMemoryStore } from '@centagate-kit/server'

const hourMs = 3_600_000

/** Average µs per new key while the store grows from `from` to `to` live keys. */
async function costPerNewKey(from: number, to: number): Promise<number> {
  const store = createMemoryStore()
  for (let index = 0; index < from; index += 1) await store.increment(`warm-${index}`, hourMs)
  const started = performance.now()
  for (let index = from; index < to; index += 1) await store.increment(`key-${index}`, hourMs)
  return ((performance.now() - started) / (to - from)) * 1_000
}

describe('in-memory limiter store', () => {
  // Regression: `sweep()` used to scan the whole map on EVERY new key once the map held 10,000
  // keys (quadratic: ~300 µs per new key at 20,000 live keys); it now sweeps once per doubling.
  it('a new key costs about the same with 20,000 live keys as with 1,000 (no full scan per insert)', async () => {
    const small = await costPerNewKey(0, 2_000)
    const large = await costPerNewKey(20_000, 21_000)
    console.log(
      `\nmemory store: ${small.toFixed(1)} µs per new key below 2,000 live keys, ${large.toFixed(1)} µs at 20,000 (x${(large / small).toFixed(0)})`,
    )
    expect(large / small).toBeLessThan(20)
  }, 60_000)
})
