// Threat: resource exhaustion and errors under concurrent use (T-L1, T-D7): a kit that drops,
// mis-answers or slows to a crawl when 50 users step up at once (lock contention, connection
// pool starvation, limiter keys colliding between users), or leaks secrets into its logs under
// load. 50 simulated users doing full SMS step-ups through the Node adapter on loopback against
// the emulator for 30 s: 0 errors, p99 and throughput printed.
import { cpus, loadavg } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LoadStack, startLoadStack } from '../load/load-stack'
import { runStepUpLoad } from '../load/step-up-load'
import { type CanaryHit, findCanaries } from './support/canaries'
import { loadUsername } from './support/fixtures'

const concurrency = 50
const durationMs = Number(process.env.CENTAGATE_LOAD_MS ?? 30_000)
const users = Number(process.env.CENTAGATE_LOAD_USERS ?? 20_000)

let stack: LoadStack
let answersScanned = 0
const responseLeaks: CanaryHit[] = []

beforeAll(async () => {
  stack = await startLoadStack({ users })
}, 60_000)

afterAll(async () => {
  await stack?.close()
})

describe('load on loopback', () => {
  it(
    `${concurrency} concurrent users doing SMS step-ups for ${durationMs / 1000} s: 0 errors`,
    async () => {
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
          if (responseLeaks.length < 10)
            responseLeaks.push(...findCanaries(stack.canaries, 'kit answer', text))
        },
      })
      const rss = process.memoryUsage().rss / 2 ** 20
      const load = loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')
      console.log(
        `\nload: ${concurrency} users x ${(figures.elapsedMs / 1000).toFixed(1)} s (kit + emulator + load generator in one process; ${cpus().length} cores, load average ${load})\n` +
          `  step-ups completed: ${figures.stepUps} (${figures.stepUpsPerSecond.toFixed(1)}/s), errors: ${figures.errors}\n` +
          `  kit requests: ${figures.kitRequests} (${figures.kitRequestsPerSecond.toFixed(0)} req/s)\n` +
          `  kit request latency ms: p50 ${figures.p50.toFixed(1)}, p95 ${figures.p95.toFixed(1)}, p99 ${figures.p99.toFixed(1)}, max ${figures.max.toFixed(1)}\n` +
          `  whole step-up p99 ms: ${figures.stepUpP99.toFixed(1)}; RSS ${rss.toFixed(0)} MB; log lines server ${stack.logLines.server}, emulator ${stack.logLines.emulator}\n` +
          `  canary hits: ${responseLeaks.length} in ${answersScanned} kit answers (bodies + Set-Cookie), ${stack.logLeaks.length} in log lines`,
      )
      if (figures.errorSamples.length > 0) console.log('  first errors:', figures.errorSamples)
      expect(figures.errorSamples).toEqual([])
      expect(figures.errors).toBe(0)
      expect(figures.poolExhausted).toBe(false)
      expect(figures.stepUps).toBeGreaterThan(0)
      expect(stack.logLeaks).toEqual([])
      expect(responseLeaks).toEqual([])
    },
    durationMs + 60_000,
  )
})
