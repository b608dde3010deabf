// Threats of the two app methods, against the in-process emulator:
// - push fatigue: someone who knows the password floods the user's phone with pushes until one is
//   approved by mistake → `push/send` has an hourly budget per user; a refused push never reaches
//   CENTAGATE;
// - what-you-approve spoofing: the browser chooses the text the phone shows → the request takes no
//   text at all (strict schema), the push carries the server's text only;
// - app-code guessing: new windows of wrong-code attempts without end → `app-otp/start` has an
//   hourly budget too, and wrong codes count towards the user's lockout across windows.
import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { createTestApp } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

const alice = { username: 'alice', password: 'alice-password' }
/** The kit error code of an answer. */
const errorCode = (answer: { body: unknown }) =>
  String((answer.body as { error?: { code?: string } }).error?.code)

describe('push and app-code threats', () => {
  it('push fatigue: the 4th push of the hour is refused before CENTAGATE', async () => {
    const app = createTestApp({ limits: { pushSendsPerHour: 3 } })
    const browser = createKitBrowser(app.handler)
    await browser.post('login/start', alice)
    for (let push = 0; push < 3; push++) {
      expect((await browser.post('push/send')).status).toBe(200)
    }
    const refused = await browser.post('push/send')
    expect(refused.status).toBe(429)
    expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } })
    expect(refused.raw).toContain('retryAt')
    expect(app.upstream.count('requestMobilePushCR')).toBe(3)
  })

  it('spoofing: a browser-chosen text is refused; the phone shows the server text', async () => {
    const app = createTestApp({ qrLoginText: 'Sign in to Tenang Bank' })
    const browser = createKitBrowser(app.handler)
    await browser.post('login/start', alice)
    const spoofed = await browser.post(
      'push/send',
      { details: 'Update your app settings' } as never,
      { validate: false },
    )
    expect(spoofed.status).toBe(400)
    expect(spoofed.body).toMatchObject({ error: { code: 'invalid_input', fields: ['details'] } })
    expect(app.upstream.count('requestMobilePushCR')).toBe(0)
    await browser.post('push/send')
    expect((await app.device.pushes('alice'))[0]?.details).toBe('Sign in to Tenang Bank')
  })

  it('app-code guessing: the third window of the hour is refused', async () => {
    const app = createTestApp({ limits: { appOtpStartsPerHour: 2, challengeMaxFailures: 2 } })
    const browser = createKitBrowser(app.handler)
    await browser.post('login/start', alice)
    const answers: string[] = []
    for (let window = 0; window < 3; window++) {
      const start = await browser.post('app-otp/start')
      answers.push(start.status === 200 ? 'window' : errorCode(start))
      if (start.status !== 200) continue
      for (let guess = 0; guess < 3; guess++) {
        const verify = await browser.post('app-otp/verify', { code: '000000' })
        answers.push(errorCode(verify))
      }
    }
    expect(answers).toEqual([
      'window',
      'otp_invalid',
      'otp_invalid',
      'challenge_locked',
      'window',
      'otp_invalid',
      'otp_invalid',
      'challenge_locked',
      'rate_limited',
    ])
  })

  it('app-code guessing: wrong codes lock the user across windows', async () => {
    const app = createTestApp({ limits: { challengeMaxFailures: 2, userMaxFailures: 3 } })
    const browser = createKitBrowser(app.handler)
    await browser.post('login/start', alice)
    const answers: string[] = []
    for (let window = 0; window < 2; window++) {
      answers.push(String((await browser.post('app-otp/start')).body.status))
      for (let guess = 0; guess < 2; guess++) {
        const verify = await browser.post('app-otp/verify', { code: '000000' })
        answers.push(errorCode(verify))
      }
    }
    expect(answers.slice(0, 5)).toEqual(['sent', 'otp_invalid', 'otp_invalid', 'sent', 'locked'])
    // Locked: even the right code is refused now, with no upstream call.
    const before = app.upstream.count('authOtp')
    const [code] = await app.device.authenticators('alice')
    const late = await browser.post('app-otp/verify', { code: code!.otp })
    expect(late.body).toMatchObject({ error: { code: 'locked' } })
    expect(app.upstream.count('authOtp')).toBe(before)
  })
})
