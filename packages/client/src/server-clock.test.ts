import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCountdown } from './countdown'
import { createKitClient } from './kit-client'
import { createDeviceSignals } from './device-signals'
import { createServerClock } from './server-clock'
import { bodies, createFakeKitFetch } from '@centagate-kit/testkit/fake-kit-fetch'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createServerClock', () => {
  it('starts with no offset and learns serverTime - local now', () => {
    let local = 1_000_000
    const clock = createServerClock({ now: () => local })
    expect(clock.offsetMs).toBe(0)
    clock.observe(1_090_000)
    expect(clock.offsetMs).toBe(90_000)
    local += 5_000
    expect(clock.now()).toBe(1_095_000)
    expect(clock.remainingMs(1_100_000)).toBe(5_000)
    expect(clock.remainingMs(1_000_000)).toBe(0)
  })

  it('uses receivedAt when given and ignores non-finite times', () => {
    const clock = createServerClock({ now: () => 0 })
    clock.observe(500, 200)
    expect(clock.offsetMs).toBe(300)
    clock.observe(Number.NaN)
    expect(clock.offsetMs).toBe(300)
  })
})

describe('countdown from server times', () => {
  it('server 90 s ahead: the countdown still shows the real time left', async () => {
    const server = createFakeKitFetch({ serverOffsetMs: 90_000 })
    server.on('sms/send', () => ({ body: bodies.smsSent(server.serverNow()) }))
    const client = createKitClient({
      fetch: server.fetch,
      deviceSignals: createDeviceSignals({ fingerprint: false }),
    })
    const sent = await client.smsSend()
    // expiresAt is 300 s after the server's now, which is 90 s after ours.
    const expiry = createCountdown(sent.expiresAt, client.clock)
    const resend = createCountdown(sent.resendAvailableAt, client.clock)
    expect(expiry.getSnapshot()).toBe(300_000)
    expect(resend.getSnapshot()).toBe(60_000)
    // Without correction the local clock would claim 390 s left.
    expect(sent.expiresAt - Date.now()).toBe(390_000)
  })

  it('ticks once per second, rounded up, and stops at 0', () => {
    const clock = createServerClock()
    const countdown = createCountdown(Date.now() + 2_500, clock)
    const seen: number[] = []
    countdown.subscribe(() => seen.push(countdown.getSnapshot()))
    expect(countdown.getSnapshot()).toBe(3_000)
    vi.advanceTimersByTime(500)
    expect(seen).toEqual([2_000])
    vi.advanceTimersByTime(1_000)
    expect(seen).toEqual([2_000, 1_000])
    vi.advanceTimersByTime(1_000)
    expect(seen).toEqual([2_000, 1_000, 0])
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(10_000)
    expect(seen).toEqual([2_000, 1_000, 0])
  })

  it('follows a clock correction learnt later', () => {
    const clock = createServerClock()
    const countdown = createCountdown(Date.now() + 60_000, clock)
    const listener = vi.fn()
    countdown.subscribe(listener)
    clock.observe(Date.now() + 30_000)
    vi.advanceTimersByTime(250)
    expect(countdown.getSnapshot()).toBe(30_000)
    expect(listener).toHaveBeenCalled()
  })

  it('does not tick without subscribers, and stop() ends ticking', () => {
    const clock = createServerClock()
    const countdown = createCountdown(Date.now() + 10_000, clock)
    expect(vi.getTimerCount()).toBe(0)
    const unsubscribe = countdown.subscribe(() => {})
    expect(vi.getTimerCount()).toBe(1)
    unsubscribe()
    expect(vi.getTimerCount()).toBe(0)
    const listener = vi.fn()
    countdown.subscribe(listener)
    countdown.stop()
    vi.advanceTimersByTime(5_000)
    expect(listener).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a deadline already past reads 0 and never starts a timer', () => {
    const countdown = createCountdown(Date.now() - 1, createServerClock())
    countdown.subscribe(() => {})
    expect(countdown.getSnapshot()).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
  })
})
