// Server-side rendering: the package must import and construct without any browser global.
import { describe, expect, it } from 'vitest'

describe('@centagate-kit/client entry', () => {
  it('imports in Node with no window, document or navigator', async () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const kit = await import('./index')
    const client = kit.createKitClient()
    const machine = kit.createStepUpMachine({ client })
    expect(machine.getSnapshot().state).toBe('idle')
    client.deviceSignals.start()
    await expect(client.deviceSignals.get()).resolves.toMatchObject({ browserFp: '' })
    expect(kit.documentVisibility().isHidden()).toBe(false)
    expect(kit.isWebOtpSupported()).toBe(false)
    machine.dispose()
  })

  it('exports the agreed API', async () => {
    const kit = await import('./index')
    for (const name of [
      'createKitClient',
      'KitClientError',
      'isKitClientError',
      'createServerClock',
      'createCountdown',
      'createStepUpMachine',
      'createQrPoller',
      'documentVisibility',
      'createDeviceSignals',
      'isWebOtpSupported',
      'receiveWebOtp',
      'isStepUpRequired',
      'createStepUpFetch',
    ]) {
      expect(typeof (kit as Record<string, unknown>)[name], name).toBe('function')
    }
  })
})
