// Real Chromium: FingerprintJS loads lazily through the dynamic import, yields a visitor id the
// protocol accepts, and makes no request to any other host (monitoring: false).
import { describe, expect, it } from 'vitest'
import { createDeviceSignals } from './device-signals'
import { documentVisibility } from './visibility'
import { isWebOtpSupported } from './web-otp'

const fingerprintModuleLoaded = () =>
  performance
    .getEntriesByType('resource')
    .some((entry) => entry.name.includes('@fingerprintjs') || entry.name.includes('fingerprintjs'))

describe('device signals in a real browser', () => {
  it('loads FingerprintJS only after start(), and gets a visitor id within a generous deadline', async () => {
    const signals = createDeviceSignals({ deadlineMs: 5_000 })
    const before = await signals.get()
    expect(before.browserFp).toBe('')
    expect(before.userAgent).toBe(navigator.userAgent.slice(0, 512))
    expect(fingerprintModuleLoaded()).toBe(false)

    const started = performance.now()
    signals.start()
    const after = await signals.get()
    const elapsed = performance.now() - started
    expect(after.browserFp).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    expect(fingerprintModuleLoaded()).toBe(true)
    // Same id on the next call, without waiting again.
    const again = performance.now()
    expect((await signals.get()).browserFp).toBe(after.browserFp)
    expect(performance.now() - again).toBeLessThan(50)
    expect(elapsed).toBeLessThan(5_000)
    console.info(`FingerprintJS: start() -> visitor id in ${Math.round(elapsed)} ms`)
  })

  it('a too-short deadline sends the request without the id rather than waiting', async () => {
    const signals = createDeviceSignals({ deadlineMs: 1 })
    signals.start()
    const started = performance.now()
    const first = await signals.get()
    expect(performance.now() - started).toBeLessThan(100)
    // Loaded already by the previous test in this page, or not yet: either way never blocking.
    expect(first.browserFp).toMatch(/^[A-Za-z0-9_-]{0,64}$/)
  })

  it('made no request to a host other than the test page', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200))
    const hosts = new Set(
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).host),
    )
    expect([...hosts].every((host) => host === location.host)).toBe(true)
  })

  it('reads page visibility and WebOTP support from the real page', () => {
    const visibility = documentVisibility()
    expect(visibility.isHidden()).toBe(document.visibilityState === 'hidden')
    const unsubscribe = visibility.subscribe(() => {})
    unsubscribe()
    expect(isWebOtpSupported()).toBe('OTPCredential' in window)
  })
})
