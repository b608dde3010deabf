import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { QrStatusResponse } from '@centagate-kit/protocol'
import { createDeviceSignals } from './device-signals'
import { createKitClient } from './kit-client'
import type { KitClientError } from './kit-client-error'
import { createQrPoller } from './qr-poller'
import { bodies, createFakeKitFetch } from '@centagate-kit/testkit/fake-kit-fetch'
import type { FakeAnswer } from '@centagate-kit/testkit/fake-kit-fetch'
import { createManualVisibility } from './visibility'

const t0 = Date.parse('2026-11-23T10:00:00Z')

beforeEach(() => {
  vi.useFakeTimers({ now: t0 })
})
afterEach(() => {
  vi.useRealTimers()
})

function setup(
  options: {
    serverOffsetMs?: number
    answer?: (n: number) => FakeAnswer | Promise<FakeAnswer>
    expiresInMs?: number
    initialDelayMs?: number
    hardStopMs?: number
    maxDelayMs?: number
  } = {},
) {
  const server = createFakeKitFetch(
    options.serverOffsetMs === undefined ? {} : { serverOffsetMs: options.serverOffsetMs },
  )
  const times: number[] = []
  server.on('qr/status', () => {
    times.push(Date.now() - t0)
    return options.answer?.(times.length) ?? { body: bodies.qrPending(server.serverNow(), 1) }
  })
  const client = createKitClient({
    fetch: server.fetch,
    deviceSignals: createDeviceSignals({ fingerprint: false }),
  })
  // Teach the client the server's clock, as the qr/send response would.
  client.clock.observe(server.serverNow())
  const visibility = createManualVisibility()
  const controller = new AbortController()
  const results: QrStatusResponse[] = []
  const errors: KitClientError[] = []
  const poller = createQrPoller({
    client,
    expiresAt: server.serverNow() + (options.expiresInMs ?? 120_000),
    initialDelayMs: options.initialDelayMs ?? 1000,
    signal: controller.signal,
    visibility,
    ...(options.hardStopMs !== undefined ? { hardStopMs: options.hardStopMs } : {}),
    ...(options.maxDelayMs !== undefined ? { maxDelayMs: options.maxDelayMs } : {}),
    onResult: (result) => results.push(result),
    onError: (error) => errors.push(error),
  })
  return { server, client, times, visibility, controller, results, errors, poller }
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] ?? 0))

describe('createQrPoller', () => {
  it('backs off x1.5 from the first delay up to the 8 s ceiling', async () => {
    const { times } = setup()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(times[0]).toBe(1000)
    expect(gaps(times).slice(0, 7)).toEqual(
      [1500, 2250, 3375, 5063, 7594, 8000, 8000].map((g) => expect.closeTo(g, -1)),
    )
  })

  it('honours Retry-After and pollAfterMs when longer than the backoff', async () => {
    const { times, server } = setup({
      answer: (n) =>
        n === 1
          ? { body: bodies.qrPending(server.serverNow(), 1), headers: { 'retry-after': '5' } }
          : n === 2
            ? { body: bodies.qrPending(server.serverNow(), 4_000) }
            : { body: bodies.qrPending(server.serverNow(), 1) },
    })
    await vi.advanceTimersByTimeAsync(13_000)
    expect(times.slice(0, 3)).toEqual([1000, 6000, 10_000])
  })

  it('a Retry-After longer than the ceiling still wins', async () => {
    const { times, server } = setup({
      answer: () => ({
        body: bodies.qrPending(server.serverNow(), 1),
        headers: { 'retry-after': '20' },
      }),
    })
    await vi.advanceTimersByTimeAsync(45_000)
    expect(times).toEqual([1000, 21_000, 41_000])
  })

  it('pauses while the page is hidden and polls at once when it shows again', async () => {
    const { times, visibility } = setup()
    await vi.advanceTimersByTimeAsync(1000)
    expect(times).toEqual([1000])
    visibility.setHidden(true)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(times).toEqual([1000])
    visibility.setHidden(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(times).toEqual([1000, 31_000])
  })

  it('stops at expiry (server clock, 90 s ahead) with an expired result and no request after', async () => {
    const { times, results, server } = setup({ serverOffsetMs: 90_000, expiresInMs: 10_000 })
    await vi.advanceTimersByTimeAsync(9_999)
    const before = times.length
    expect(results).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(results).toEqual([{ status: 'expired', serverTime: server.serverNow() }])
    await vi.advanceTimersByTimeAsync(60_000)
    expect(times.length).toBe(before)
    expect(times.every((t) => t < 10_000)).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('reports expiry on time even while hidden', async () => {
    const { results, visibility, times } = setup({ expiresInMs: 5_000 })
    visibility.setHidden(true)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(times).toEqual([])
    expect(results.map((r) => r.status)).toEqual(['expired'])
  })

  it('stops at the hard stop even if the QR lives longer', async () => {
    const { results, times } = setup({ expiresInMs: 3_600_000, hardStopMs: 10_000 })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(results.map((r) => r.status)).toEqual(['expired'])
    const count = times.length
    await vi.advanceTimersByTimeAsync(60_000)
    expect(times.length).toBe(count)
  })

  it('stops on abort: the request in flight is aborted and 0 requests follow', async () => {
    let inFlight: AbortSignal | undefined
    const { times, controller, results, errors, server } = setup({
      answer: (n) => {
        if (n === 2) {
          inFlight = server.requests.at(-1)?.signal
          return new Promise<FakeAnswer>(() => {})
        }
        return { body: bodies.qrPending(server.serverNow(), 1) }
      },
    })
    await vi.advanceTimersByTimeAsync(2_500)
    expect(times).toEqual([1000, 2500])
    controller.abort()
    expect(inFlight?.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(600_000)
    expect(times).toEqual([1000, 2500])
    expect(results).toEqual([])
    expect(errors).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('stop() is the same as aborting', async () => {
    const { times, poller } = setup()
    await vi.advanceTimersByTimeAsync(1_000)
    poller.stop()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(times).toEqual([1000])
  })

  it.each(['authenticated', 'rejected', 'expired', 'factor_required'] as const)(
    'reports a final %s status once and stops',
    async (status) => {
      const { times, results, server } = setup({
        answer: (n) => {
          const now = server.serverNow()
          if (n < 3) return { body: bodies.qrPending(now, 1) }
          const body =
            status === 'authenticated'
              ? bodies.authenticated(now, 'qr')
              : status === 'factor_required'
                ? bodies.factorRequired(now, ['sms'])
                : { status, serverTime: now }
          return { body }
        },
      })
      await vi.advanceTimersByTimeAsync(60_000)
      expect(times).toHaveLength(3)
      expect(results).toHaveLength(1)
      expect(results[0]?.status).toBe(status)
      expect(results[0]).not.toHaveProperty('retryAfterMs')
    },
  )

  it('waits until retryAt on rate_limited', async () => {
    const { times, server } = setup({
      answer: (n) =>
        n === 1
          ? { error: 'rate_limited', fields: { retryAt: server.serverNow() + 7_000 } }
          : { body: bodies.qrPending(server.serverNow(), 1) },
    })
    await vi.advanceTimersByTimeAsync(8_100)
    expect(times.slice(0, 2)).toEqual([1000, 8000])
  })

  it('retries transient failures with backoff, gives up after 3 in a row', async () => {
    const { times, errors } = setup({ answer: () => ({ error: 'upstream_unavailable' }) })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(times).toEqual([1000, 2500, 4750])
    expect(errors.map((e) => e.code)).toEqual(['upstream_unavailable'])
  })

  it('gives up at once on a non-retryable error', async () => {
    const { times, errors } = setup({ answer: () => ({ error: 'no_flow' }) })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(times).toEqual([1000])
    expect(errors.map((e) => e.code)).toEqual(['no_flow'])
  })

  it('an already aborted signal never polls', async () => {
    const server = createFakeKitFetch()
    const client = createKitClient({
      fetch: server.fetch,
      deviceSignals: createDeviceSignals({ fingerprint: false }),
    })
    const controller = new AbortController()
    controller.abort()
    createQrPoller({
      client,
      expiresAt: Date.now() + 60_000,
      initialDelayMs: 10,
      signal: controller.signal,
      visibility: createManualVisibility(),
      onResult: () => {},
      onError: () => {},
    })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(server.requests).toHaveLength(0)
  })
})
