// Threat: a client (or attacker) that forges, replays, guesses or re-targets CENTAGATE requests:
// tampered HMACs, stale/future timestamps, foreign apps, missing fields, wrong/reused/expired
// OTPs, brute force (attempt caps and lockout), challenge reuse, an OTP moved to other
// transaction details, dead authTokens and forged cenTokens. Driven over real HTTP on loopback.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { textToBase64 } from './encoding'
import { type Harness, startHarness } from '@centagate-kit/testkit/emulator-test-server'

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.close()
})

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

describe('request checks', () => {
  it('bad hmac: tampered field, wrong key, upper case, truncated -> 23022', async () => {
    const fields = { username: 'alice', password: 'alice-password' }
    const good = await h.client.call('authBasic', fields)
    expect(good.code).toBe('0')
    const ts = String(Math.floor(h.server.emulator.clock.now() / 1000))
    const hmac = await h.client.signer.signFields(
      ['username', 'password', 'integrationKey', 'unixTimestamp'],
      {
        ...fields,
        integrationKey: h.server.emulator.credentials.integrationKey,
        unixTimestamp: ts,
      },
    )
    const tampered = await h.client.call(
      'authBasic',
      { ...fields, password: 'alice-passwore', unixTimestamp: ts },
      { hmac },
    )
    expect(tampered.code).toBe('23022')
    expect(
      (
        await h.client.call(
          'authBasic',
          { ...fields, unixTimestamp: ts },
          { hmac: hmac.toUpperCase() },
        )
      ).code,
    ).toBe('23022')
    expect(
      (await h.client.call('authBasic', { ...fields, unixTimestamp: ts }, { hmac: hmac.slice(1) }))
        .code,
    ).toBe('23022')
    expect(
      (
        await h.client.call('authBasic', fields, {
          order: ['password', 'username', 'integrationKey', 'unixTimestamp'],
        })
      ).code,
    ).toBe('23022')
  })

  it('timestamp window: +-300 s accepted, +-301 s -> 23023, non-numeric -> 10002', async () => {
    const now = Math.floor(h.server.emulator.clock.now() / 1000)
    const at = (ts: string) =>
      h.client.call(
        'authBasic',
        { username: 'bob', password: 'bob-password', unixTimestamp: ts },
        { keepTimestamp: true },
      )
    expect((await at(String(now - 300))).code).toBe('0')
    expect((await at(String(now + 300))).code).toBe('0')
    expect((await at(String(now - 301))).code).toBe('23023')
    expect((await at(String(now + 301))).code).toBe('23023')
    expect((await at(String(now * 1000))).code).toBe('23023')
    expect((await at('17e8')).code).toBe('10002')
    expect((await at(`${now}.5`)).code).toBe('10002')
  })

  it('unknown integration key -> 23024 (before the field check)', async () => {
    const client = (await import('@centagate-kit/testkit/centagate-test-client')).createTestClient({
      baseUrl: h.server.url,
      integrationKey: 'f'.repeat(64),
      secretKey: h.server.emulator.credentials.secretKey,
      now: () => h.server.emulator.clock.now(),
    })
    expect(
      (await client.call('authBasic', { username: 'alice', password: 'alice-password' })).code,
    ).toBe('23024')
    expect((await client.call('authSmsOtp', { username: 'alice' })).code).toBe('23024')
  })

  it('missing or empty required field -> 10002', async () => {
    expect((await h.client.call('authSmsOtp', { username: 'bob' })).code).toBe('10002')
    expect((await h.client.call('authSmsOtp', { username: 'bob', smsOtp: '' })).code).toBe('10002')
    expect(
      (await h.client.call('statecheck', { username: 'alice', authMethod: 'QRCODE' })).code,
    ).toBe('10002')
  })

  it('wrong password and unknown user both answer 23001 (no enumeration)', async () => {
    expect((await h.client.call('authBasic', { username: 'alice', password: 'nope' })).code).toBe(
      '23001',
    )
    expect((await h.client.call('authBasic', { username: 'mallory', password: 'nope' })).code).toBe(
      '23001',
    )
  })
})

describe('SMS OTP', () => {
  async function smsLogin() {
    const session = await h.login('bob')
    const sent = await h.client.call('requestSmsOtp', {
      username: 'bob',
      authToken: session.authToken,
    })
    expect(sent.code).toBe('0')
    return { authToken: session.authToken, code: (await h.lastSms('bob')).code }
  }

  it('wrong OTP -> 23008; reused OTP fails; dead authToken -> 23018', async () => {
    const { authToken, code } = await smsLogin()
    expect(
      (await h.client.call('authSmsOtp', { username: 'bob', smsOtp: wrongCode(code), authToken }))
        .code,
    ).toBe('23008')
    const done = await h.client.call('authSmsOtp', { username: 'bob', smsOtp: code, authToken })
    expect(done.code).toBe('0')
    // Same code with the rotated-out token: the token is dead.
    expect(
      (await h.client.call('authSmsOtp', { username: 'bob', smsOtp: code, authToken })).code,
    ).toBe('23018')
    // Same code with the new token: the code was single use.
    expect(
      (
        await h.client.call('authSmsOtp', {
          username: 'bob',
          smsOtp: code,
          authToken: done.text('authToken'),
        })
      ).code,
    ).toBe('23010')
  })

  it('expired OTP (clock + 301 s) -> 23009; none requested -> 23010', async () => {
    const fresh = await h.login('bob')
    expect(
      (
        await h.client.call('authSmsOtp', {
          username: 'bob',
          smsOtp: '123456',
          authToken: fresh.authToken,
        })
      ).code,
    ).toBe('23010')
    const { authToken, code } = await smsLogin()
    await h.advance(301)
    expect(
      (await h.client.call('authSmsOtp', { username: 'bob', smsOtp: code, authToken })).code,
    ).toBe('23009')
  })

  it('5 wrong tries void the code (then 23009 even for the right one)', async () => {
    const { authToken, code } = await smsLogin()
    for (let i = 0; i < 5; i++) {
      expect(
        (await h.client.call('authSmsOtp', { username: 'bob', smsOtp: wrongCode(code), authToken }))
          .code,
      ).toBe('23008')
    }
    expect(
      (await h.client.call('authSmsOtp', { username: 'bob', smsOtp: code, authToken })).code,
    ).toBe('23009')
  })

  it('resend cooldown 60 s -> 23002 with phone/timeout; max 5 per hour', async () => {
    const { authToken } = await smsLogin()
    const again = await h.client.call('requestSmsOtp', { username: 'bob', authToken })
    expect(again.code).toBe('23002')
    expect(again.object).toEqual({ phone: '+60198765432', timeout: '300' })
    for (let i = 0; i < 4; i++) {
      await h.advance(61)
      expect((await h.client.call('requestSmsOtp', { username: 'bob', authToken })).code).toBe('0')
    }
    await h.advance(61)
    expect((await h.client.call('requestSmsOtp', { username: 'bob', authToken })).code).toBe(
      '23002',
    )
    await h.advance(3600)
    // (The login session has expired by now: the new request starts a fresh one.)
    expect((await h.client.call('requestSmsOtp', { username: 'bob' })).code).toBe('0')
  })

  it('a resend voids the old code and never resets the failure count; 10 failures lock 15 min (23036)', async () => {
    const { authToken, code } = await smsLogin()
    for (let i = 0; i < 4; i++) {
      expect(
        (await h.client.call('authSmsOtp', { username: 'bob', smsOtp: wrongCode(code), authToken }))
          .code,
      ).toBe('23008')
    }
    await h.advance(61)
    expect((await h.client.call('requestSmsOtp', { username: 'bob', authToken })).code).toBe('0')
    const second = (await h.lastSms('bob')).code
    // The old code no longer works (counted as a failure: 5).
    const old = await h.client.call('authSmsOtp', { username: 'bob', smsOtp: code, authToken })
    expect(old.code).toBe(code === second ? '0' : '23008')
    if (code === second) return // 1-in-a-million: the new random code equals the old one
    for (let i = 0; i < 4; i++) {
      expect(
        (
          await h.client.call('authSmsOtp', {
            username: 'bob',
            smsOtp: wrongCode(second),
            authToken,
          })
        ).code,
      ).toBe('23008')
    }
    // Failures 10: a new code, then one more wrong answer locks the user.
    await h.advance(61)
    expect((await h.client.call('requestSmsOtp', { username: 'bob', authToken })).code).toBe('0')
    const third = (await h.lastSms('bob')).code
    expect(
      (await h.client.call('authSmsOtp', { username: 'bob', smsOtp: wrongCode(third), authToken }))
        .code,
    ).toBe('23008')
    expect(
      (await h.client.call('authSmsOtp', { username: 'bob', smsOtp: third, authToken })).code,
    ).toBe('23036')
    expect(
      (await h.client.call('authBasic', { username: 'bob', password: 'bob-password' })).code,
    ).toBe('23036')
    const user = await h.control<{ lockedUntil: number | null }>('GET', 'users/bob')
    expect(user.body.lockedUntil).not.toBeNull()
    await h.advance(15 * 60 + 1)
    expect(
      (await h.client.call('authBasic', { username: 'bob', password: 'bob-password' })).code,
    ).toBe('0')
  })
})

describe('challenge-response and QR', () => {
  it('CR: wrong OTP -> 23001, challenge reuse -> 23016, expired -> 23016', async () => {
    const session = await h.login('alice')
    const ask = () =>
      h.client.call('requestOtpChallenge', { username: 'alice', authToken: session.authToken })
    const first = (await ask()).text('otpChallenge')
    const right = await h.respond('CR0000001', first)
    const wrong = wrongCode(right)
    expect(
      (
        await h.client.call('authCrOtp', {
          username: 'alice',
          crOtp: wrong,
          challenge: first,
          authToken: session.authToken,
        })
      ).code,
    ).toBe('23001')
    const done = await h.client.call('authCrOtp', {
      username: 'alice',
      crOtp: right,
      challenge: first,
      authToken: session.authToken,
    })
    expect(done.code).toBe('0')
    const next = done.text('authToken')
    expect(
      (
        await h.client.call('authCrOtp', {
          username: 'alice',
          crOtp: right,
          challenge: first,
          authToken: next,
        })
      ).code,
    ).toBe('23016')
    const late = (
      await h.client.call('requestOtpChallenge', { username: 'alice', authToken: next })
    ).text('otpChallenge')
    await h.advance(301)
    const lateOtp = await h.respond('CR0000001', late)
    expect(
      (
        await h.client.call('authCrOtp', {
          username: 'alice',
          crOtp: lateOtp,
          challenge: late,
          authToken: next,
        })
      ).code,
    ).toBe('23016')
  })

  it('TOTP: the same step twice -> second rejected', async () => {
    const session = await h.login('alice')
    const otp = await h.totp('MOBILE-ALICE')
    const done = await h.client.call('authOtp', {
      username: 'alice',
      otp,
      authToken: session.authToken,
    })
    expect(done.code).toBe('0')
    expect(
      (
        await h.client.call('authOtp', {
          username: 'alice',
          otp,
          authToken: done.text('authToken'),
        })
      ).code,
    ).toBe('23001')
  })

  it('QR: an OTP for other details is rejected (23001), also with a tampered QR', async () => {
    const session = await h.login('alice')
    const qr = await h.client.call('requestQrCode', {
      username: 'alice',
      details: textToBase64('Pay MYR 10 to Bob'),
      authToken: session.authToken,
    })
    const scanned = await h.scan(qr.text('qrCode'))
    const other = qr.text('plainText').replace('MYR 10', 'MYR 10000')
    const attempt = (details: string, otp: string) =>
      h.client.call('authQRCode', {
        username: 'alice',
        otp,
        challenge: qr.text('otpChallenge'),
        details: textToBase64(details),
        transactionValue: '10000',
        isTransaction: '1',
        authToken: qr.text('authToken'),
      })
    expect((await attempt(other, scanned.otp)).code).toBe('23001')
    // A QR whose details were swapped before scanning yields an OTP for the wrong text.
    const payload = JSON.parse(
      atob(qr.text('qrCode').slice(6).replace(/-/g, '+').replace(/_/g, '/')),
    ) as Record<string, unknown>
    const forged = `CGQR1:${btoa(JSON.stringify({ ...payload, d: 'Pay MYR 10000 to Bob' }))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')}`
    const forgedScan = await h.scan(forged)
    expect(forgedScan.otp).not.toBe(scanned.otp)
    expect((await attempt(other, forgedScan.otp)).code).toBe('23001')
    expect((await attempt(qr.text('plainText'), forgedScan.otp)).code).toBe('23001')
    expect((await attempt(qr.text('plainText'), scanned.otp)).code).toBe('0')
  })

  it('transaction CR: an OTP for other details or another transaction is rejected; a transaction is authorised once', async () => {
    const fields = { username: 'alice', details: 'Transfer MYR 10', transactionId: 'TX-9' }
    const challenge = (await h.client.call('requestTransactionSigningChallenge', fields)).text(
      'otpChallenge',
    )
    const otp = await h.respond('CR0000001', challenge)
    expect(
      (
        await h.client.call('authTransactionSigningCrOtp', {
          ...fields,
          details: 'Transfer MYR 9999',
          otp,
          challenge,
        })
      ).code,
    ).toBe('23001')
    expect(
      (
        await h.client.call('authTransactionSigningCrOtp', {
          ...fields,
          transactionId: 'TX-10',
          otp,
          challenge,
        })
      ).code,
    ).toBe('23001')
    expect(
      (await h.client.call('authTransactionSigningCrOtp', { ...fields, otp, challenge })).code,
    ).toBe('0')
    expect(
      (await h.client.call('authTransactionSigningCrOtp', { ...fields, otp, challenge })).code,
    ).toBe('23018')
    expect((await h.client.call('requestTransactionSigningChallenge', fields)).code).toBe('23018')
  })

  it('transaction SMS: the code is bound to the transaction id and details', async () => {
    const details = 'Pay MYR 5'
    await h.client.call('requestSmsTransOtp', { username: 'bob', details, transactionId: 'TX-S' })
    const { code } = await h.lastSms('bob')
    const authorise = (extra: Record<string, string>) =>
      h.client.call(
        'authoriseSmsTrans',
        { username: 'bob', transactionId: 'TX-S', details, smsOtp: code, ...extra },
        { pathParams: { username: 'bob' } },
      )
    expect((await authorise({ details: 'Pay MYR 5000' })).code).toBe('23008')
    expect((await authorise({ transactionId: 'TX-OTHER' })).code).toBe('23008')
    expect((await authorise({})).code).toBe('0')
    expect((await authorise({})).code).toBe('23018')
  })
})

describe('admin cenToken', () => {
  it('wrong, foreign or stale cenToken -> 10001; non-admin -> 10001', async () => {
    const body = (cenToken: string) => ({
      username: 'carol',
      tokenSn: 'CR0000002',
      tokenType: '2',
      cenToken,
    })
    expect((await h.client.admin('registerActiveToken', 'admin', body('0'.repeat(64)))).code).toBe(
      '10001',
    )
    const session = await h.login('admin')
    // cenToken over the target username (GH Postman's mistake, API.md 5.6) is refused.
    const postman = await h.client.cenToken({
      secretCode: session.secretCode,
      adminUsername: 'carol',
      authToken: session.authToken,
    })
    expect((await h.client.admin('registerActiveToken', 'admin', body(postman))).code).toBe('10001')
    const good = await h.client.cenToken({
      secretCode: session.secretCode,
      adminUsername: 'admin',
      authToken: session.authToken,
    })
    // An incomplete (multistep) session of a normal user can never authorise admin calls.
    const bob = await h.login('bob')
    const bobToken = await h.client.cenToken({
      secretCode: 'x',
      adminUsername: 'bob',
      authToken: bob.authToken,
    })
    expect((await h.client.admin('registerActiveToken', 'bob', body(bobToken))).code).toBe('10001')
    expect((await h.client.admin('registerActiveToken', 'admin', body(good))).code).toBe('0')
    // After the session expires, the same cenToken is refused.
    await h.advance(1801)
    expect(
      (await h.client.admin('userAuthList', 'admin', { username: 'carol', cenToken: good })).code,
    ).toBe('10001')
  })
})
