import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { appSessionUser, createTestApp, transactions } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

const session = { cookies: { 'app-session': 'alice' } }

/** One SMS step-up of alice up to the receipt; returns the browser. */
async function smsStepUp(app: ReturnType<typeof createTestApp>) {
  const browser = createKitBrowser(app.handler, session)
  await browser.post('stepup/start', { transactionId: 'tx-1' })
  await browser.post('sms/send')
  await browser.post('sms/verify', { code: (await app.device.lastSms('alice')).code })
  return browser
}

describe('step-up (in-process CENTAGATE emulator)', () => {
  it('refuses without an app session, with 0 upstream calls', async () => {
    const { handler, upstream } = createTestApp()
    const answer = await createKitBrowser(handler).post('stepup/start', {})
    expect(answer.status).toBe(401)
    expect(answer.body).toMatchObject({ error: { code: 'unauthenticated' } })
    expect(upstream.count()).toBe(0)
  })

  it('the user comes from identify(), never from the browser', async () => {
    const { handler } = createTestApp()
    const answer = await createKitBrowser(handler, session).post(
      'stepup/start',
      { username: 'bob' } as never,
      { validate: false },
    )
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ error: { code: 'invalid_input', fields: ['username'] } })
  })

  it('SMS transaction signing sends the server transaction and yields a receipt cookie', async () => {
    const { handler, upstream, device } = createTestApp()
    const browser = createKitBrowser(handler, session)
    const start = await browser.post('stepup/start', { transactionId: 'tx-1' })
    expect(start.body).toMatchObject({
      status: 'factor_required',
      flow: 'stepup',
      transaction: transactions['tx-1']!.view,
    })
    await browser.post('sms/send')
    expect(upstream.first('requestSmsTransOtp').fields).toMatchObject({
      details: transactions['tx-1']!.view.summary,
      transactionId: 'tx-1',
    })
    const code = (await device.lastSms('alice')).code
    const done = await browser.post('sms/verify', { code })
    expect(done.body).toMatchObject({
      status: 'authenticated',
      flow: 'stepup',
      method: 'sms',
      receipt: { transactionId: 'tx-1' },
    })
    expect(done.raw).not.toMatch(/eyJ/) // the receipt itself never appears in a body
    expect(browser.jar.has('centagate-stepup')).toBe(true)
    expect(upstream.first('authoriseSmsTrans').fields).toMatchObject({
      transactionId: 'tx-1',
      details: transactions['tx-1']!.view.summary,
      smsOtp: code,
    })
  })

  it('CR transaction signing uses the transaction-signing calls', async () => {
    const { handler, upstream, device } = createTestApp()
    const browser = createKitBrowser(handler, session)
    await browser.post('stepup/start', { transactionId: 'tx-1' })
    const sent = await browser.post<{ challenge: string }>('challenge/send')
    const issued = upstream.first('requestTransactionSigningChallenge').object.otpChallenge
    expect(sent.body).toMatchObject({ challenge: issued })
    const response = await device.respond('CR0000001', sent.body.challenge)
    const done = await browser.post('challenge/verify', { response })
    expect(done.body).toMatchObject({ status: 'authenticated', method: 'challenge' })
    expect(upstream.first('authTransactionSigningCrOtp').fields).toMatchObject({
      challenge: issued,
      transactionId: 'tx-1',
      details: transactions['tx-1']!.view.summary,
    })
  })

  it('QR transaction signing: details = Base64(summary), then authQRCode with isTransaction and value', async () => {
    const { handler, upstream, device } = createTestApp()
    const browser = createKitBrowser(handler, session)
    await browser.post('stepup/start', { transactionId: 'tx-1' })
    const sent = await browser.post<{ qrValue: string }>('qr/send')
    expect(atob(upstream.first('requestQrCode').fields.details!)).toBe(
      transactions['tx-1']!.view.summary,
    )
    // The app shows the server's transaction, and its OTP signs exactly that.
    const scanned = await device.scan(sent.body.qrValue)
    expect(scanned.details).toBe(transactions['tx-1']!.view.summary)
    const done = await browser.post('qr/verify', { otp: scanned.otp })
    expect(done.body).toMatchObject({ status: 'authenticated', method: 'qr' })
    expect(upstream.first('authQRCode').fields).toMatchObject({
      isTransaction: '1',
      transactionValue: '1250.00',
    })
  })

  it('an unknown transaction id is refused before any upstream call', async () => {
    const { handler, upstream } = createTestApp()
    const answer = await createKitBrowser(handler, session).post('stepup/start', {
      transactionId: 'tx-404',
    })
    expect(answer.status).toBe(404)
    expect(upstream.count()).toBe(0)
  })

  it('requireStepUp: accepts a fresh receipt once, for the same user and transaction', async () => {
    const time = 1_700_000_000_000
    const app = createTestApp({}, () => time)
    const { handler } = app
    const browser = await smsStepUp(app)
    const guard = handler.requireStepUp({ maxAgeSeconds: 120, transactionId: () => 'tx-1' })
    const call = (cookie: string) =>
      guard(
        new Request('http://localhost:3000/api/transfer', { method: 'POST', headers: { cookie } }),
      )
    const first = await call(browser.cookieHeader())
    expect(first).toMatchObject({
      ok: true,
      receipt: { username: 'alice', method: 'sms', transactionId: 'tx-1' },
    })
    const second = await call(browser.cookieHeader())
    expect(second.ok).toBe(false)
    if (!second.ok) {
      expect(second.response.status).toBe(401)
      expect(second.response.headers.get('www-authenticate')).toMatch(
        /insufficient_user_authentication/,
      )
      expect(await second.response.json()).toMatchObject({
        error: { code: 'step_up_required', transactionId: 'tx-1', maxAgeSeconds: 120 },
      })
    }
  })

  it('requireStepUp refuses another user, another transaction, an old receipt, and no receipt', async () => {
    let time = 1_700_000_000_000
    const app = createTestApp({}, () => time)
    const { handler } = app
    const browser = await smsStepUp(app)
    const receiptCookie = `centagate-stepup=${browser.jar.get('centagate-stepup')}`
    const check = (options: Parameters<typeof handler.requireStepUp>[0], cookie: string) =>
      handler.requireStepUp({ consume: false, ...options })(
        new Request('http://localhost:3000/x', { headers: { cookie } }),
      )
    expect((await check({ maxAgeSeconds: 60 }, `${receiptCookie}; app-session=bob`)).ok).toBe(false)
    expect(
      (
        await check(
          { maxAgeSeconds: 60, transactionId: () => 'tx-2' },
          `${receiptCookie}; app-session=alice`,
        )
      ).ok,
    ).toBe(false)
    expect((await check({ maxAgeSeconds: 60 }, 'app-session=alice')).ok).toBe(false)
    expect(
      (
        await check(
          { maxAgeSeconds: 60, identify: (r) => Promise.resolve(appSessionUser(r)) },
          `${receiptCookie}; app-session=alice`,
        )
      ).ok,
    ).toBe(true)
    time += 61_000
    expect((await check({ maxAgeSeconds: 60 }, `${receiptCookie}; app-session=alice`)).ok).toBe(
      false,
    )
  })

  it('the signed transaction is the server one even if the transaction changes afterwards', async () => {
    const app = createTestApp()
    const { handler } = app
    const browser = await smsStepUp(app)
    const original = transactions['tx-1']!.view.summary
    transactions['tx-1']!.view.summary = 'Transfer MYR 99,999.00 to Mallory'
    try {
      const result = await handler.requireStepUp({
        maxAgeSeconds: 60,
        transactionId: () => 'tx-1',
      })(new Request('http://localhost:3000/x', { headers: { cookie: browser.cookieHeader() } }))
      expect(result.ok).toBe(false)
    } finally {
      transactions['tx-1']!.view.summary = original
    }
  })
})
