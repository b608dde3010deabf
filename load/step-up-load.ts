/**
 * Simulated users doing full SMS step-ups through the kit over loopback HTTP:
 * `stepup/start` → `sms/send` → read the code from the emulator's outbox (the user's phone) →
 * `sms/verify`, each user a distinct account (SMS cooldown and quota are per user). Records every
 * kit request's latency and every deviation from the expected answers.
 */
import { KeepAliveClient } from './http-client'
import type { HttpAnswer } from './http-client'

export interface LoadRunOptions {
  kitUrl: string
  emulatorUrl: string
  /** Concurrent simulated users. */
  concurrency: number
  durationMs: number
  /** Usernames to draw from, in order; a user is reused only when `reuse` allows it. */
  username: (index: number) => string
  userCount: number
  /**
   * Reuse users round-robin (soak): a user is taken again only after `minReuseMs` and at most
   * `maxUsesPerHour` times. Default: no reuse (the run stops drawing when the pool is empty).
   */
  reuse?: { minReuseMs: number; maxUsesPerHour: number }
  /** Sees every kit answer as the browser would (status, Set-Cookie lines, body): canary scans. */
  onAnswer?: (answer: HttpAnswer) => void
  /** Called every `everyMs` with the running figures (soak progress). */
  onProgress?: (figures: LoadFigures) => void
  progressEveryMs?: number
}

export interface LoadFigures {
  elapsedMs: number
  stepUps: number
  kitRequests: number
  errors: number
  errorSamples: string[]
  /** Per kit request, milliseconds. */
  p50: number
  p95: number
  p99: number
  max: number
  /** Whole step-up (3 kit calls + the outbox read), milliseconds. */
  stepUpP99: number
  kitRequestsPerSecond: number
  stepUpsPerSecond: number
  poolExhausted: boolean
}

const device = { userAgent: 'centagate-kit load', browserFp: '' }

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

/** A growable list of latencies. */
class Samples {
  private data = new Float64Array(1 << 16)
  length = 0
  push(value: number) {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = value
  }
  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort()
  }
  reset() {
    this.length = 0
  }
}

export async function runStepUpLoad(options: LoadRunOptions): Promise<LoadFigures> {
  // One socket per simulated user: no pooled connection sits idle long enough to be closed.
  const client = new KeepAliveClient(options.concurrency)
  const origin = new URL(options.kitUrl).origin
  const kitLatency = new Samples()
  const stepUpLatency = new Samples()
  const errorSamples: string[] = []
  let errors = 0
  let stepUps = 0
  let kitRequests = 0
  let next = 0
  let poolExhausted = false
  const uses = new Map<number, number[]>()
  const started = performance.now()
  const deadline = started + options.durationMs

  const fail = (what: string) => {
    errors += 1
    if (errorSamples.length < 10) errorSamples.push(what.slice(0, 300))
  }

  /** The next user allowed to step up now, or null when none is (yet). */
  const drawUser = (): number | null => {
    if (options.reuse === undefined) {
      if (next >= options.userCount) {
        poolExhausted = true
        return null
      }
      return next++
    }
    const now = performance.now()
    for (let tries = 0; tries < options.userCount; tries += 1) {
      const index = next
      next = (next + 1) % options.userCount
      const history = (uses.get(index) ?? []).filter((at) => now - at < 3_600_000)
      const last = history.at(-1)
      if (last !== undefined && now - last < options.reuse.minReuseMs) continue
      if (history.length >= options.reuse.maxUsesPerHour) continue
      history.push(now)
      uses.set(index, history)
      return index
    }
    return null
  }

  async function kit(route: string, username: string, cookies: Map<string, string>, body: unknown) {
    const t0 = performance.now()
    const answer = await client
      .send(`${options.kitUrl}/api/centagate/${route}`, {
        headers: {
          'content-type': 'application/json',
          origin,
          'sec-fetch-site': 'same-origin',
          'x-centagate-kit': '1',
          'x-test-user': username,
          cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        },
        body: JSON.stringify(body),
      })
      .catch((error: unknown) => {
        throw new Error(
          `${route}: ${String(error)} after ${(performance.now() - t0).toFixed(0)} ms`,
        )
      })
    kitLatency.push(performance.now() - t0)
    options.onAnswer?.(answer)
    kitRequests += 1
    for (const line of answer.setCookies) {
      const pair = line.split(';')[0] ?? ''
      const eq = pair.indexOf('=')
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1))
    }
    return answer
  }

  const expectStatus = (answer: HttpAnswer, step: string, status: string) => {
    if (answer.status !== 200) throw new Error(`${step}: HTTP ${answer.status} ${answer.body}`)
    const parsed = JSON.parse(answer.body) as { status?: string }
    if (parsed.status !== status) throw new Error(`${step}: ${answer.body}`)
    return parsed
  }

  async function stepUp(username: string) {
    const t0 = performance.now()
    const cookies = new Map<string, string>()
    expectStatus(
      await kit('stepup/start', username, cookies, { device }),
      'stepup/start',
      'factor_required',
    )
    expectStatus(await kit('sms/send', username, cookies, { device }), 'sms/send', 'sent')
    const outbox = await client
      .send(`${options.emulatorUrl}/__emulator/outbox?username=${encodeURIComponent(username)}`)
      .catch((error: unknown) => {
        throw new Error(`outbox read: ${String(error)}`)
      })
    const messages = (JSON.parse(outbox.body) as { messages: { code?: string }[] }).messages
    const code = messages.at(-1)?.code
    if (code === undefined) throw new Error(`outbox: no code for ${username}`)
    expectStatus(
      await kit('sms/verify', username, cookies, { code, device }),
      'sms/verify',
      'authenticated',
    )
    stepUpLatency.push(performance.now() - t0)
    stepUps += 1
  }

  const figures = (): LoadFigures => {
    const sorted = kitLatency.sorted()
    const elapsedMs = performance.now() - started
    return {
      elapsedMs,
      stepUps,
      kitRequests,
      errors,
      errorSamples,
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      p99: percentile(sorted, 0.99),
      max: sorted.at(-1) ?? 0,
      stepUpP99: percentile(stepUpLatency.sorted(), 0.99),
      kitRequestsPerSecond: (kitRequests / elapsedMs) * 1000,
      stepUpsPerSecond: (stepUps / elapsedMs) * 1000,
      poolExhausted,
    }
  }

  const progress =
    options.onProgress === undefined
      ? null
      : setInterval(() => options.onProgress?.(figures()), options.progressEveryMs ?? 30_000)

  async function worker() {
    while (performance.now() < deadline) {
      const index = drawUser()
      if (index === null) {
        if (options.reuse === undefined) return
        await new Promise((resolve) => setTimeout(resolve, 100))
        continue
      }
      try {
        await stepUp(options.username(index))
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error))
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: options.concurrency }, () => worker()))
  } finally {
    if (progress !== null) clearInterval(progress)
    client.close()
  }
  return figures()
}
