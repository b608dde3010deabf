import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { createTestApp } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

describe('login flows (in-process CENTAGATE emulator)', () => {
  it('password then SMS: factor_required, masked phone, authenticated, flow cookie cleared', async () => {
    const { handler, upstream, device, authenticated } = createTestApp()
    const browser = createKitBrowser(handler)
    const start = await browser.post('login/start', {
      username: 'alice',
      password: 'alice-password',
    })
    expect(start.status).toBe(200)
    expect(start.body).toMatchObject({ status: 'factor_required', flow: 'login' })
    expect((start.body.methods as { method: string }[]).map((entry) => entry.method)).toEqual([
      'qr',
      'challenge',
      'push',
      'app_otp',
      'sms',
    ])
    expect(browser.jar.has('centagate-flow')).toBe(true)
    // Each method names where it reaches her: the app's device (CENTAGATE's defDeviceName), the
    // token's last four, the masked phone (user/auth/list, once her password is checked).
    expect(start.body.methods).toEqual([
      { method: 'qr', hint: "Alice's phone" },
      { method: 'challenge', hint: '•••• 0001' },
      { method: 'push', hint: "Alice's phone" },
      { method: 'app_otp' },
      { method: 'sms', hint: '•••• 6789' },
    ])
    expect(start.raw).not.toContain('CR0000001')
    expect(start.raw).not.toContain('123456789')
    const sent = await browser.post('sms/send')
    expect(sent.body).toMatchObject({
      status: 'sent',
      method: 'sms',
      maskedPhone: '•••• 6789',
      attemptsLeft: 5,
      sendsLeft: 4,
    })
    const done = await browser.post('sms/verify', { code: (await device.lastSms('alice')).code })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({
      status: 'authenticated',
      flow: 'login',
      method: 'sms',
      app: { welcome: 'alice' },
    })
    expect(browser.jar.has('centagate-flow')).toBe(false)
    expect(browser.jar.get('app-session')).toBe('alice')
    expect(authenticated).toEqual([{ flow: 'login', username: 'alice', method: 'sms' }])
    expect(upstream.count('authSmsOtp')).toBe(1)
  })

  it('challenge-response login signs offline otpType and the challenge, no phone devAccId', async () => {
    const { handler, upstream, device } = createTestApp()
    const browser = createKitBrowser(handler)
    await browser.post('login/start', { username: 'alice', password: 'alice-password' })
    const sent = await browser.post<{ challenge: string }>('challenge/send')
    // The browser sees the challenge CENTAGATE issued.
    const issued = upstream.first('requestOtpChallenge').object.otpChallenge
    expect(sent.body).toMatchObject({ method: 'challenge', challenge: issued })
    const response = await device.respond('CR0000001', sent.body.challenge)
    const done = await browser.post('challenge/verify', { response })
    expect(done.body).toMatchObject({ status: 'authenticated', method: 'challenge' })
    expect(upstream.first('authCrOtp').fields).toMatchObject({
      otpType: 'offline',
      challenge: issued,
      devAccId: '',
    })
  })

  it('QR login: pending, throttled polls, approval completes', async () => {
    let time = 1_700_000_000_000
    const { handler, upstream, device } = createTestApp({}, () => time)
    const browser = createKitBrowser(handler)
    await browser.post('login/start', { username: 'alice', password: 'alice-password' })
    const sent = await browser.post('qr/send')
    const request = upstream.first('requestQrCode')
    expect(sent.body).toMatchObject({ method: 'qr', manualCode: request.object.otpChallenge })
    expect(atob(request.fields.details!)).toBe('Sign in')
    const pending = await browser.post('qr/status')
    expect(pending.body).toMatchObject({ status: 'pending' })
    // A second poll within the second makes no upstream call.
    const before = upstream.count('statecheck')
    await browser.post('qr/status')
    expect(upstream.count('statecheck')).toBe(before)
    time += 1_500
    await device.decide('alice', 'approve')
    const done = await browser.post('qr/status')
    expect(done.body).toMatchObject({ status: 'authenticated', method: 'qr' })
  })

  it('QR login by typed OTP sends Base64 of plainText as details', async () => {
    const { handler, upstream, device } = createTestApp()
    const browser = createKitBrowser(handler)
    await browser.post('login/start', { username: 'alice', password: 'alice-password' })
    const sent = await browser.post<{ qrValue: string }>('qr/send')
    const { otp } = await device.scan(sent.body.qrValue)
    const done = await browser.post('qr/verify', { otp })
    expect(done.body).toMatchObject({ status: 'authenticated', method: 'qr' })
    const plainText = upstream.first('requestQrCode').object.plainText
    expect(plainText).toMatch(/\|Sign in$/)
    expect(atob(upstream.first('authQrCode').fields.details!)).toBe(plainText)
  })

  it('QR polling stops after the lifetime with 0 upstream calls', async () => {
    let time = 1_700_000_000_000
    const { handler, upstream } = createTestApp({}, () => time)
    const browser = createKitBrowser(handler)
    await browser.post('login/start', { username: 'alice', password: 'alice-password' })
    await browser.post('qr/send')
    time += 9 * 60_000
    const before = upstream.count('statecheck')
    const expired = await browser.post('qr/status')
    expect(expired.body).toMatchObject({ status: 'expired' })
    expect(upstream.count('statecheck')).toBe(before)
  })

  it('QR rejected in the app', async () => {
    const { handler, device } = createTestApp()
    const browser = createKitBrowser(handler)
    await browser.post('login/start', { username: 'alice', password: 'alice-password' })
    await browser.post('qr/send')
    await device.decide('alice', 'reject')
    expect((await browser.post('qr/status')).body).toMatchObject({ status: 'rejected' })
  })

  it('wrong password and unknown user answer identically (no enumeration)', async () => {
    const { handler } = createTestApp()
    const browser = createKitBrowser(handler)
    const wrong = await browser.post('login/start', { username: 'alice', password: 'nope' })
    const unknown = await browser.post('login/start', { username: 'mallory', password: 'nope' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: '', serverTime: 0 })
    expect(strip(wrong.body)).toEqual(strip(unknown.body))
    expect(wrong.body).toMatchObject({ error: { code: 'invalid_credentials' } })
  })

  it('passwordless login is refused unless enabled, then uses adaptive', async () => {
    const refused = createTestApp()
    const r = await createKitBrowser(refused.handler).post('login/start', { username: 'alice' })
    expect(r.status).toBe(400)
    expect(refused.upstream.count()).toBe(0)
    const allowed = createTestApp({ allowPasswordlessLogin: true })
    const a = await createKitBrowser(allowed.handler).post('login/start', { username: 'alice' })
    expect(a.body).toMatchObject({ status: 'factor_required' })
    // Whoever typed the username learns nothing about the user's devices.
    expect(a.body.methods).toContainEqual({ method: 'qr' })
    expect(JSON.stringify(a.body)).not.toContain('phone')
    expect(allowed.upstream.calls[0]).toMatchObject({
      endpoint: 'adaptive',
      fields: { authResult: 'true' },
    })
  })

  it('a user without a second factor may enrol after the password step', async () => {
    const { handler, upstream, emulator } = createTestApp()
    const browser = createKitBrowser(handler)
    const start = await browser.post('login/start', {
      username: 'carol',
      password: 'carol-password',
    })
    expect(start.body).toMatchObject({ error: { code: 'not_enrolled' } })
    const registered = await browser.post('tokens/register', {
      kind: 'sms',
      phoneNumber: '+60199998888',
    })
    expect(registered.body).toMatchObject({ status: 'registered', kind: 'sms', label: '•••• 8888' })
    expect(upstream.first('registerActiveToken').fields).toMatchObject({
      username: 'carol',
      tokenSn: '+60199998888',
      tokenType: '1',
    })
    expect(emulator.state.users.carol?.phone).toBe('+60199998888')
  })

  it('every answer carries the hardening headers', async () => {
    const { handler } = createTestApp()
    const answer = await createKitBrowser(handler).post('login/start', {
      username: 'alice',
      password: 'alice-password',
    })
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(answer.headers.get('cache-control')).toBe('no-store')
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    const cookie = answer.headers.getSetCookie()[0]!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Path=\//)
  })

  it('uses __Host- Secure cookies outside plain-http localhost', async () => {
    const { handler } = createTestApp()
    const browser = createKitBrowser(handler, { origin: 'https://bank.example' })
    const answer = await browser.post('login/start', {
      username: 'alice',
      password: 'alice-password',
    })
    const cookie = answer.headers.getSetCookie()[0]!
    expect(cookie).toMatch(/^__Host-centagate-flow=/)
    expect(cookie).toMatch(/; Secure/)
    expect(cookie.length).toBeLessThanOrEqual(4096)
    expect((await browser.post('sms/send')).status).toBe(200)
  })
})
