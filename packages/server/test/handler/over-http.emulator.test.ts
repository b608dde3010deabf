// Every kit route and every method over real HTTP on loopback: browser double -> node:http kit
// server (toNodeHandler) -> the real CENTAGATE emulator on loopback (from the testkit).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  type EmulatorHarness,
  serverTransactions,
  startEmulatorHarness,
} from '@centagate-kit/testkit/emulator-harness'

let h: EmulatorHarness
beforeEach(async () => {
  h = await startEmulatorHarness()
})
afterEach(async () => {
  await h.close()
})

const alice = { username: 'alice', password: 'alice-password' }
const summary = serverTransactions['tx-100']!.view.summary

describe('login over HTTP against the emulator', () => {
  it('SMS: code from the emulator outbox', async () => {
    const browser = h.browser()
    const start = await browser.post('login/start', alice)
    expect(start.body).toMatchObject({ status: 'factor_required', flow: 'login' })
    const sent = await browser.post('sms/send')
    expect(sent.body).toMatchObject({ status: 'sent', maskedPhone: '•••• 6789' })
    const done = await browser.post('sms/verify', { code: (await h.lastSms('alice')).code })
    expect(done.body).toMatchObject({ status: 'authenticated', flow: 'login', method: 'sms' })
  })

  it('challenge-response with the hardware token CR0000001', async () => {
    const browser = h.browser()
    await browser.post('login/start', alice)
    const sent = await browser.post<{ challenge: string }>('challenge/send')
    const response = await h.respond('CR0000001', sent.body.challenge)
    const done = await browser.post('challenge/verify', { response })
    expect(done.body).toMatchObject({ status: 'authenticated', method: 'challenge' })
  })

  it('QR by typed OTP from the app', async () => {
    const browser = h.browser()
    await browser.post('login/start', alice)
    const sent = await browser.post<{ qrValue: string }>('qr/send')
    const scanned = await h.scan(sent.body.qrValue)
    const done = await browser.post('qr/verify', { otp: scanned.otp })
    expect(done.body).toMatchObject({ status: 'authenticated', method: 'qr' })
  })

  it('QR approved in the app, seen through qr/status polling', async () => {
    const browser = h.browser()
    await browser.post('login/start', alice)
    await browser.post('qr/send')
    expect((await browser.post('qr/status')).body).toMatchObject({ status: 'pending' })
    await h.decide('alice', 'approve')
    await h.advance(2)
    expect((await browser.post('qr/status')).body).toMatchObject({
      status: 'authenticated',
      method: 'qr',
    })
  })

  it('QR rejected in the app', async () => {
    const browser = h.browser()
    await browser.post('login/start', alice)
    await browser.post('qr/send')
    await h.decide('alice', 'reject')
    expect((await browser.post('qr/status')).body).toMatchObject({ status: 'rejected' })
  })

  it('flow/cancel clears the flow', async () => {
    const browser = h.browser()
    await browser.post('login/start', alice)
    expect((await browser.post('flow/cancel')).body).toMatchObject({ status: 'cancelled' })
    expect((await browser.post('sms/send')).body).toMatchObject({ error: { code: 'no_flow' } })
  })
})

describe('step-up and transaction signing over HTTP', () => {
  const session = { 'app-session': 'alice' }

  it('SMS: the SMS names the SERVER transaction; receipt accepted once by requireStepUp', async () => {
    const browser = h.browser(session)
    const start = await browser.post('stepup/start', { transactionId: 'tx-100' })
    expect(start.body).toMatchObject({ flow: 'stepup', transaction: { summary } })
    await browser.post('sms/send')
    const sms = await h.lastSms('alice')
    expect(sms.text).toContain(summary)
    const done = await browser.post('sms/verify', { code: sms.code })
    expect(done.body).toMatchObject({
      status: 'authenticated',
      flow: 'stepup',
      receipt: { transactionId: 'tx-100' },
    })
    const guard = h.kit.requireStepUp({ maxAgeSeconds: 300, transactionId: () => 'tx-100' })
    const request = () =>
      new Request(`${h.appUrl}/api/transfer`, { headers: { cookie: browser.cookieHeader() } })
    expect((await guard(request())).ok).toBe(true)
    expect((await guard(request())).ok).toBe(false)
  })

  it('CR transaction signing', async () => {
    const browser = h.browser(session)
    await browser.post('stepup/start', { transactionId: 'tx-100' })
    const sent = await browser.post<{ challenge: string }>('challenge/send')
    const done = await browser.post('challenge/verify', {
      response: await h.respond('CR0000001', sent.body.challenge),
    })
    expect(done.body).toMatchObject({
      status: 'authenticated',
      method: 'challenge',
      receipt: { transactionId: 'tx-100' },
    })
  })

  it('QR transaction signing: the app shows the server summary, its OTP signs it', async () => {
    const browser = h.browser(session)
    await browser.post('stepup/start', { transactionId: 'tx-100' })
    const sent = await browser.post<{ qrValue: string }>('qr/send')
    const scanned = await h.scan(sent.body.qrValue)
    expect(scanned.details).toBe(summary)
    const done = await browser.post('qr/verify', { otp: scanned.otp })
    expect(done.body).toMatchObject({
      status: 'authenticated',
      method: 'qr',
      receipt: { transactionId: 'tx-100' },
    })
  })

  it('the browser cannot substitute the transaction (extra fields refused, 0 upstream calls)', async () => {
    const browser = h.browser(session)
    const counted = ['adaptive', 'requestSmsOtp', 'requestSmsTransOtp'] as const
    const counts = () => Promise.all(counted.map((endpoint) => h.upstreamCalls(endpoint)))
    const before = await counts()
    const forged = await browser.post(
      'stepup/start',
      { transactionId: 'tx-100', summary: 'Transfer MYR 1 to Bob' },
      { validate: false },
    )
    expect(forged.status).toBe(400)
    await browser.post('stepup/start', { transactionId: 'tx-100' })
    const sms = await browser.post(
      'sms/send',
      { details: 'Transfer MYR 1 to Bob' },
      { validate: false },
    )
    expect(sms.status).toBe(400)
    // Only the valid start went upstream: its adaptive call (and its method targets' admin calls).
    expect(await counts()).toEqual([before[0]! + 1, before[1], before[2]])
  })

  it('step-up without a transaction', async () => {
    const browser = h.browser(session)
    await browser.post('stepup/start', {})
    await browser.post('sms/send')
    const done = await browser.post('sms/verify', { code: (await h.lastSms('alice')).code })
    expect(done.body).toMatchObject({ status: 'authenticated', flow: 'stepup', receipt: {} })
  })
})

describe('enrolment over HTTP', () => {
  it('carol (no factor) logs in with her password, enrols the stock token CR0000002, then uses it', async () => {
    const browser = h.browser()
    const start = await browser.post('login/start', {
      username: 'carol',
      password: 'carol-password',
    })
    expect(start.body).toMatchObject({ status: 'authenticated', method: 'password' })
    expect(browser.jar.get('app-session')).toBe('carol') // set by the app's onAuthenticated
    const registered = await browser.post('tokens/register', {
      kind: 'hardware',
      serial: 'CR0000002',
    })
    expect(registered.body).toMatchObject({
      status: 'registered',
      kind: 'hardware',
      label: 'CR0000002',
    })
    const again = h.browser()
    const next = await again.post('login/start', { username: 'carol', password: 'carol-password' })
    expect(next.body).toMatchObject({
      status: 'factor_required',
      methods: [{ method: 'challenge' }],
    })
    const sent = await again.post<{ challenge: string }>('challenge/send')
    const done = await again.post('challenge/verify', {
      response: await h.respond('CR0000002', sent.body.challenge),
    })
    expect(done.body).toMatchObject({ status: 'authenticated' })
  })

  it('an identified user registers an SMS number; anonymous callers are refused with 0 upstream calls', async () => {
    const before = await h.upstreamCalls()
    const anonymous = await h
      .browser()
      .post('tokens/register', { kind: 'sms', phoneNumber: '+60111222333' })
    expect(anonymous.status).toBe(401)
    expect(await h.upstreamCalls()).toBe(before)
    const ok = await h
      .browser({ 'app-session': 'carol' })
      .post('tokens/register', { kind: 'sms', phoneNumber: '+60111222333' })
    expect(ok.body).toMatchObject({ status: 'registered', kind: 'sms', label: '•••• 2333' })
  })
})

describe('limits over HTTP', () => {
  it('lockout after 10 failures; the 11th attempt makes 0 upstream calls; the lock lapses after 15 min', async () => {
    const browser = h.browser()
    await browser.post('login/start', alice)
    let last
    for (let round = 0; round < 2; round++) {
      await browser.post('challenge/send')
      for (let index = 0; index < 5; index++)
        last = await browser.post('challenge/verify', { response: '000000' })
    }
    expect(last!.status).toBe(423)
    expect(await h.upstreamCalls('authCrOtp')).toBe(10)
    const before = await h.upstreamCalls()
    expect((await browser.post('challenge/send')).status).toBe(423)
    expect((await h.browser().post('login/start', alice)).status).toBe(423)
    expect(await h.upstreamCalls()).toBe(before)
    await h.advance(15 * 60 + 1)
    expect((await h.browser().post('login/start', alice)).status).toBe(200)
  })

  it('a resend does not reset the failure count', async () => {
    const browser = h.browser()
    await browser.post('login/start', alice)
    for (let send = 0; send < 2; send++) {
      expect((await browser.post('sms/send')).status).toBe(200)
      for (let index = 0; index < 5; index++) await browser.post('sms/verify', { code: '000000' })
      await h.advance(61)
    }
    const resend = await browser.post('sms/send')
    expect(resend.status).toBe(423)
    expect(await h.upstreamCalls('requestSmsOtp')).toBe(2)
  })

  it('a replayed older cookie gains no attempts', async () => {
    const browser = h.browser()
    await browser.post('login/start', alice)
    const sent = await browser.post<{ challenge: string }>('challenge/send')
    const snapshot = browser.jar.get('centagate-flow')!
    for (let index = 0; index < 5; index++)
      await browser.post('challenge/verify', { response: '000000' })
    browser.jar.set('centagate-flow', snapshot)
    const before = await h.upstreamCalls('authCrOtp')
    const replay = await browser.post('challenge/verify', {
      response: await h.respond('CR0000001', sent.body.challenge),
    })
    expect(replay.body).toMatchObject({ error: { code: 'challenge_locked' } })
    expect(await h.upstreamCalls('authCrOtp')).toBe(before)
  })
})
