import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDeviceSignals } from './device-signals'
import { loadFingerprintVisitorId } from './fingerprint-loader'
import { createKitClient } from './kit-client'
import { bodies, createFakeKitFetch } from '@centagate-kit/testkit/fake-kit-fetch'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

const delayed = (ms: number, value: string) =>
  new Promise<string>((resolve) => setTimeout(() => resolve(value), ms))

describe('createDeviceSignals', () => {
  it('loads the fingerprint lazily: nothing before start(), once after', async () => {
    const loadVisitorId = vi.fn(() => delayed(50, 'visitor123'))
    const signals = createDeviceSignals({ loadVisitorId, userAgent: () => 'UA' })
    await expect(signals.get()).resolves.toEqual({ userAgent: 'UA', browserFp: '' })
    expect(loadVisitorId).not.toHaveBeenCalled()
    signals.start()
    signals.start()
    await vi.advanceTimersByTimeAsync(60)
    expect(loadVisitorId).toHaveBeenCalledTimes(1)
    await expect(signals.get()).resolves.toEqual({ userAgent: 'UA', browserFp: 'visitor123' })
  })

  it('waits for a loading fingerprint that arrives before the deadline', async () => {
    const signals = createDeviceSignals({ loadVisitorId: () => delayed(200, 'fast1') })
    signals.start()
    const result = signals.get()
    await vi.advanceTimersByTimeAsync(200)
    expect((await result).browserFp).toBe('fast1')
  })

  it('a fingerprint slower than 300 ms: the request goes without it, on time', async () => {
    const server = createFakeKitFetch()
    server.on('sms/send', () => ({ body: bodies.smsSent(server.serverNow()) }))
    const deviceSignals = createDeviceSignals({
      loadVisitorId: () => delayed(5_000, 'slow1'),
      userAgent: () => 'UA',
    })
    const client = createKitClient({ fetch: server.fetch, deviceSignals })
    deviceSignals.start()
    const sent = client.smsSend()
    await vi.advanceTimersByTimeAsync(299)
    expect(server.requests).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    await sent
    expect(server.requests[0]?.body.device).toEqual({ userAgent: 'UA', browserFp: '' })
    // Once it arrives, later requests carry it.
    await vi.advanceTimersByTimeAsync(5_000)
    await client.smsSend()
    expect(server.requests[1]?.body.device).toEqual({ userAgent: 'UA', browserFp: 'slow1' })
  })

  it('honours a custom deadline', async () => {
    const signals = createDeviceSignals({ loadVisitorId: () => delayed(500, 'x'), deadlineMs: 50 })
    signals.start()
    const result = signals.get()
    await vi.advanceTimersByTimeAsync(50)
    expect((await result).browserFp).toBe('')
  })

  it('never rejects: a failing loader or an invalid id gives ""', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const failing = createDeviceSignals({
      loadVisitorId: () => Promise.reject(new Error('blocked')),
    })
    failing.start()
    await vi.advanceTimersByTimeAsync(1)
    expect((await failing.get()).browserFp).toBe('')
    expect(warn).toHaveBeenCalledTimes(1)
    const weird = createDeviceSignals({ loadVisitorId: async () => 'not a valid id!' })
    weird.start()
    await vi.advanceTimersByTimeAsync(1)
    expect((await weird.get()).browserFp).toBe('')
    warn.mockRestore()
  })

  it('fingerprint: false never loads; long user agents are cut to 512', async () => {
    const loadVisitorId = vi.fn(async () => 'abc')
    const signals = createDeviceSignals({
      fingerprint: false,
      loadVisitorId,
      userAgent: () => 'U'.repeat(600),
    })
    signals.start()
    const result = await signals.get()
    expect(loadVisitorId).not.toHaveBeenCalled()
    expect(result.userAgent).toHaveLength(512)
  })

  it('without a DOM (SSR), the default loader returns "" without importing FingerprintJS', async () => {
    vi.useRealTimers()
    expect(typeof window).toBe('undefined')
    await expect(loadFingerprintVisitorId()).resolves.toBe('')
  })
})

describe('FingerprintJS stays a lazy chunk', () => {
  it('only fingerprint-loader.ts mentions it, through a dynamic import', () => {
    const sources = import.meta.glob<string>('./*.ts', {
      query: '?raw',
      import: 'default',
      eager: true,
    })
    const library = Object.entries(sources).filter(([file]) => !file.endsWith('.test.ts'))
    expect(library.length).toBeGreaterThan(8)
    const mentioning = library
      .filter(([, source]) => source.includes('@fingerprintjs/fingerprintjs'))
      .map(([file]) => file)
    expect(mentioning).toEqual(['./fingerprint-loader.ts'])
    const loader = sources['./fingerprint-loader.ts'] ?? ''
    expect(loader).toMatch(/await import\('@fingerprintjs\/fingerprintjs'\)/)
    expect(loader).not.toMatch(/^import .*@fingerprintjs/m)
    expect(loader).toMatch(/monitoring: false/)
  })
})
