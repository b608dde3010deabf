import { afterEach, describe, expect, it, vi } from 'vitest'
import { isWebOtpSupported, receiveWebOtp } from './web-otp'

afterEach(() => {
  vi.unstubAllGlobals()
})

function stubWebOtp(get: (options: unknown) => Promise<unknown>) {
  const spy = vi.fn(get)
  vi.stubGlobal('window', { OTPCredential: function OTPCredential() {} })
  vi.stubGlobal('navigator', { credentials: { get: spy } })
  return spy
}

describe('WebOTP', () => {
  it('is unsupported without a browser, and resolves null there', async () => {
    expect(isWebOtpSupported()).toBe(false)
    await expect(receiveWebOtp({ signal: new AbortController().signal })).resolves.toBeNull()
  })

  it('asks for an SMS OTP with the signal and returns the code', async () => {
    const get = stubWebOtp(async () => ({ code: '123456', type: 'otp' }))
    expect(isWebOtpSupported()).toBe(true)
    const controller = new AbortController()
    await expect(receiveWebOtp({ signal: controller.signal })).resolves.toBe('123456')
    expect(get).toHaveBeenCalledWith({ otp: { transport: ['sms'] }, signal: controller.signal })
  })

  it('resolves null when aborted (typing, method switch, unmount), never rejects', async () => {
    stubWebOtp(
      (options) =>
        new Promise((_, reject) => {
          const { signal } = options as { signal: AbortSignal }
          signal.addEventListener('abort', () => reject(new DOMException('x', 'AbortError')))
        }),
    )
    const controller = new AbortController()
    const pending = receiveWebOtp({ signal: controller.signal })
    controller.abort()
    await expect(pending).resolves.toBeNull()
  })

  it('does not even ask when already aborted; ignores non-code answers', async () => {
    const get = stubWebOtp(async () => ({ code: 'not-a-code' }))
    const aborted = new AbortController()
    aborted.abort()
    await expect(receiveWebOtp({ signal: aborted.signal })).resolves.toBeNull()
    expect(get).not.toHaveBeenCalled()
    await expect(receiveWebOtp({ signal: new AbortController().signal })).resolves.toBeNull()
    get.mockImplementation(async () => null)
    await expect(receiveWebOtp({ signal: new AbortController().signal })).resolves.toBeNull()
  })
})
