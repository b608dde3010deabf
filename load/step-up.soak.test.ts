// Threat: slow resource leaks (T-L2): memory, sockets or timers that grow with every step-up until
// a long-running kit server falls over. 10 concurrent users doing SMS step-ups for 10 minutes
// (CENTAGATE_SOAK_MS to change) through the Node adapter; the emulator runs as the CLI in its own
// process so the RSS figures are the kit's (plus the load generator's latency samples, ~8 bytes
// per request). Target: RSS growth after warm-up < 50 MB, 0 errors, open handles stable.
import { loadavg } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CanaryHit, findCanaries } from '../security/support/canaries'
import { loadUsername } from '../security/support/fixtures'
import { type LoadStack, startLoadStack } from './load-stack'
import { runStepUpLoad } from './step-up-load'

const durationMs = Number(process.env.CENTAGATE_SOAK_MS ?? 10 * 60_000)
const warmUpMs = Math.min(60_000, durationMs / 5)
const concurrency = Number(process.env.CENTAGATE_SOAK_USERS ?? 10)
const users = 20_000
const mb = (bytes: number) => bytes / 2 ** 20

let stack: LoadStack
let answersScanned = 0
const responseLeaks: CanaryHit[] = []

beforeAll(async () => {
  stack = await startLoadStack({ users, emulator: 'process' })
})

afterAll(async () => {
  await stack?.close()
})

function sample() {
  ;(globalThis as { gc?: () => void }).gc?.()
  const memory = process.memoryUsage()
  return {
    rss: mb(memory.rss),
    heap: mb(memory.heapUsed),
    handles: process.getActiveResourcesInfo().length,
  }
}

describe('soak', () => {
  it(`${concurrency} users for ${durationMs / 60_000} min: RSS growth < 50 MB, 0 errors`, async () => {
    const started = Date.now()
    const samples: { at: number; rss: number; heap: number; handles: number }[] = []
    const log = (line: string) => process.stdout.write(`${line}\n`)
    const figures = await runStepUpLoad({
      kitUrl: stack.kitUrl,
      emulatorUrl: stack.emulatorUrl,
      concurrency,
      durationMs,
      username: loadUsername,
      userCount: users,
      onAnswer: (answer) => {
        answersScanned += 1
        const text = `${answer.setCookies.join('\n')}\n${answer.body}`
        if (responseLeaks.length < 10) {
          responseLeaks.push(...findCanaries(stack.canaries, 'kit answer', text))
        }
      },
      // Both the kit and the emulator allow one SMS per user per 60 s and 5 per hour.
      reuse: { minReuseMs: 61_000, maxUsesPerHour: 5 },
      progressEveryMs: 10_000,
      onProgress: (running) => {
        const now = { at: Date.now() - started, ...sample() }
        samples.push(now)
        if (samples.length % 3 === 0) {
          log(
            `soak ${(now.at / 1000).toFixed(0)} s: ${running.stepUps} step-ups, ${running.errors} errors, ` +
              `p99 ${running.p99.toFixed(1)} ms, RSS ${now.rss.toFixed(1)} MB, heap ${now.heap.toFixed(1)} MB, ` +
              `handles ${now.handles}, load ${loadavg()[0]?.toFixed(1)}`,
          )
        }
      },
    })
    // RSS moves by tens of MB between collections (freed pages are not returned at once), so
    // one sample against another is noise: compare the median of the first window after warm-up
    // with the median of the last window (each a sixth of the run, at least 3 samples).
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b)
      return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
    }
    const window = Math.max(3, Math.floor(samples.length / 6))
    const afterWarmUp = samples.filter((s) => s.at >= warmUpMs)
    const first = afterWarmUp.slice(0, window)
    const last = samples.slice(-window)
    const rssGrowth = median(last.map((s) => s.rss)) - median(first.map((s) => s.rss))
    const heapGrowth = median(last.map((s) => s.heap)) - median(first.map((s) => s.heap))
    const handleGrowth =
      Math.max(...last.map((s) => s.handles)) - Math.max(...first.map((s) => s.handles))
    const peak = Math.max(...samples.map((s) => s.rss))
    log(
      `\nsoak result: ${concurrency} users x ${(figures.elapsedMs / 60_000).toFixed(1)} min, load average ${loadavg()
        .map((v) => v.toFixed(1))
        .join(' ')}\n` +
        `  step-ups ${figures.stepUps} (${figures.stepUpsPerSecond.toFixed(1)}/s), kit requests ${figures.kitRequests} ` +
        `(${figures.kitRequestsPerSecond.toFixed(0)} req/s), errors ${figures.errors}\n` +
        `  latency ms: p50 ${figures.p50.toFixed(1)}, p99 ${figures.p99.toFixed(1)}, max ${figures.max.toFixed(1)}\n` +
        `  RSS median first window after warm-up ${median(first.map((s) => s.rss)).toFixed(1)} MB -> last window ` +
        `${median(last.map((s) => s.rss)).toFixed(1)} MB: growth ${rssGrowth.toFixed(1)} MB (peak ${peak.toFixed(1)} MB)\n` +
        `  heap growth ${heapGrowth.toFixed(1)} MB (includes the generator's latency samples and reuse book-keeping); handles growth ${handleGrowth}\n` +
        `  log lines: server ${stack.logLines.server}, emulator ${stack.logLines.emulator}; ` +
        `canary hits ${stack.logLeaks.length} in logs, ${responseLeaks.length} in ${answersScanned} kit answers`,
    )
    if (figures.errorSamples.length > 0) log(`  first errors: ${figures.errorSamples.join('\n  ')}`)
    expect(figures.errors).toBe(0)
    expect(rssGrowth).toBeLessThan(50)
    expect(handleGrowth).toBeLessThanOrEqual(10)
    expect(stack.logLeaks).toEqual([])
    expect(responseLeaks).toEqual([])
  })
})
