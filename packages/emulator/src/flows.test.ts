// Every flow of API.md 1.8 driven over real HTTP on loopback (startEmulatorServer on port 0),
// signed the canonical way with protocol/signing: login with SMS, CR OTP, QR (statecheck and
// OTP), TOTP, adaptive; transaction signing by QR, SMS and CR; admin registration.
import { endpoints } from '@centagate-kit/protocol'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultFixtures } from './fixtures/default-fixtures'
import { textToBase64 } from './encoding'
import { type Harness, startHarness } from '@centagate-kit/testkit/emulator-test-server'

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.close()
})

describe('envelope (API.md 1.3)', () => {
  it('answers HTTP 200 with a string code and object as JSON text', async () => {
    const response = await fetch(`${h.server.url}/v2/CentagateWS/webresources/auth/authBasic`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'alice' }),
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toEqual({ code: '23024', message: expect.any(String), object: '' })
    const login = await h.client.call('authBasic', {
      username: 'alice',
      password: 'alice-password',
    })
    expect(typeof (login.raw as { object: unknown }).object).toBe('string')
    expect(login.headers.get('x-centagate-emulator-signed-order')).toBe('canonical')
  })
  it('unknown path is HTTP 404; non-JSON and non-object bodies are 10002, never a 5xx', async () => {
    expect((await h.client.send('POST', '/v2/CentagateWS/webresources/auth/nope')).status).toBe(404)
    for (const body of ['{not json', '[1,2]', '"text"', '{"username":{"a":1}}']) {
      const response = await fetch(`${h.server.url}/v2/CentagateWS/webresources/auth/authSmsOtp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      expect(response.status).toBe(200)
      expect(((await response.json()) as { code: string }).code).toBe('10002')
    }
  })
})

describe('login (API.md 1.8)', () => {
  it('password then SMS OTP', async () => {
    const first = await h.client.call('authBasic', { username: 'bob', password: 'bob-password' })
    expect(first.code).toBe('0')
    expect(first.text('secretCode')).toBe('')
    expect(first.text('multiStepAuth')).toBe('true')
    expect(first.text('authMethods')).toBe('SMS')
    expect(first.text('authToken')).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    const at1 = first.text('authToken')
    const sent = await h.client.call('requestSmsOtp', { username: 'bob', authToken: at1 })
    expect(sent.code).toBe('0')
    expect(sent.object).toEqual({ phone: '+60198765432', timeout: '300' })
    const sms = await h.lastSms('bob')
    expect(sms.code).toMatch(/^\d{6}$/)
    expect(sms.text).toContain(sms.code)
    const done = await h.client.call('authSmsOtp', {
      username: 'bob',
      smsOtp: sms.code,
      authToken: at1,
    })
    expect(done.code).toBe('0')
    expect(done.text('secretCode')).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(done.text('multiStepAuth')).toBe('false')
    expect(done.text('authToken')).not.toBe(at1)
  })

  it('password then challenge-response OTP from the hardware token (OCRA)', async () => {
    const first = await h.client.call('authBasic', {
      username: 'alice',
      password: 'alice-password',
    })
    expect(first.text('authMethods')).toBe('SMS,CROTP,QRCODE,OTP,PUSH')
    expect(first.text('defAccId')).toMatch(/^[0-9a-f]{32}$/)
    const at1 = first.text('authToken')
    const challenge = await h.client.call('requestOtpChallenge', {
      username: 'alice',
      otpType: 'offline',
      tokenId: 'CR0000001',
      authToken: at1,
    })
    expect(challenge.code).toBe('0')
    const otpChallenge = challenge.text('otpChallenge')
    expect(otpChallenge).toMatch(/^\d{8}$/)
    const crOtp = await h.respond('CR0000001', otpChallenge)
    expect(crOtp).toMatch(/^\d{6}$/)
    const done = await h.client.call('authCrOtp', {
      username: 'alice',
      crOtp,
      otpType: 'offline',
      challenge: otpChallenge,
      authToken: at1,
    })
    expect(done.code).toBe('0')
    expect(done.text('secretCode')).not.toBe('')
  })

  it('password then QR approved in the app, polled with statecheck (23007 then 0)', async () => {
    const first = await h.login('alice')
    const qr = await h.client.call('requestQrCode', {
      username: 'alice',
      devAccId: first.result.text('defAccId'),
      details: textToBase64('Login to Demo Bank'),
      authToken: first.authToken,
    })
    expect(qr.code).toBe('0')
    expect(qr.text('plainText')).toMatch(/^[0-9a-f]{32}\|[0-9a-f]{32}\|Login to Demo Bank$/)
    const qrToken = qr.text('authToken')
    expect(qrToken).not.toBe(first.authToken)
    const poll = () =>
      h.client.call('statecheck', { username: 'alice', authMethod: 'QRCODE', authToken: qrToken })
    expect((await poll()).code).toBe('23007')
    const scanned = await h.scan(qr.text('qrCode'))
    expect(scanned.details).toBe('Login to Demo Bank')
    expect((await h.decide('alice', 'approve')).status).toBe(200)
    const done = await poll()
    expect(done.code).toBe('0')
    expect(done.text('secretCode')).not.toBe('')
    expect(done.text('multiStepAuth')).toBe('false')
  })

  it('QR rejected in the app: statecheck 23026', async () => {
    const first = await h.login('alice')
    const qr = await h.client.call('requestQrCode', {
      username: 'alice',
      details: textToBase64('Login'),
      authToken: first.authToken,
    })
    await h.decide('alice', 'reject')
    const state = await h.client.call('statecheck', {
      username: 'alice',
      authMethod: 'QRCODE',
      authToken: qr.text('authToken'),
    })
    expect(state.code).toBe('23026')
  })

  it('password then QR with the OTP typed from the app (authQrCode and authQRCode spellings)', async () => {
    for (const path of ['auth/authQrCode', 'auth/authQRCode']) {
      const first = await h.login('alice')
      const qr = await h.client.call('requestQrCode', {
        username: 'alice',
        details: textToBase64('Login'),
        authToken: first.authToken,
      })
      const scanned = await h.scan(qr.text('qrCode'))
      const done = await h.client.call(
        'authQrCode',
        {
          username: 'alice',
          otp: scanned.otp,
          challenge: qr.text('otpChallenge'),
          details: textToBase64(qr.text('plainText')),
          authToken: qr.text('authToken'),
        },
        { path },
      )
      expect(done.code, path).toBe('0')
      expect(done.text('secretCode')).not.toBe('')
    }
  })

  it('password then time-based OTP from the mobile soft token (authOtp)', async () => {
    const first = await h.login('alice')
    const otp = await h.totp('MOBILE-ALICE')
    const done = await h.client.call('authOtp', {
      username: 'alice',
      otp,
      authToken: first.authToken,
    })
    expect(done.code).toBe('0')
    expect(done.text('secretCode')).not.toBe('')
  })

  it('adaptive pre-login then a second factor; the admin completes on its password', async () => {
    const pre = await h.client.call('adaptive', { username: 'bob', authResult: 'true' })
    expect(pre.code).toBe('0')
    expect(pre.text('multiStepAuth')).toBe('true')
    const admin = await h.client.call('authBasic', {
      username: 'admin',
      password: 'admin-password',
    })
    expect(admin.text('secretCode')).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(admin.text('multiStepAuth')).toBe('false')
    expect((await h.client.call('adaptive', { username: 'carol', authResult: 'true' })).code).toBe(
      '23039',
    )
  })

  it('a user who must have a second factor but has none stays incomplete until one is bound', async () => {
    const strict = await startHarness({
      fixtures: {
        ...defaultFixtures,
        users: defaultFixtures.users.map((user) =>
          user.username === 'carol' ? { ...user, requireSecondFactor: true } : user,
        ),
      },
    })
    try {
      const first = await strict.login('carol')
      expect(first.secretCode).toBe('')
      expect(first.result.text('multiStepAuth')).toBe('true')
      expect(first.result.text('authMethods')).toBe('')
      const cenToken = await strict.adminCenToken()
      const bound = await strict.client.admin('registerActiveToken', 'admin', {
        username: 'carol',
        tokenSn: '+60111222444',
        tokenType: '1',
        cenToken,
      })
      expect(bound.code).toBe('0')
      const second = await strict.login('carol')
      expect(second.result.text('authMethods')).toBe('SMS')
      expect(second.secretCode).toBe('')
    } finally {
      await strict.close()
    }
  })

  it('legacy v1 request paths answer too (API.md 1.1)', async () => {
    const first = await h.login('bob')
    const sent = await h.client.call(
      'requestSmsOtp',
      { username: 'bob', authToken: first.authToken },
      { base: 'v1', path: 'auth/requestSmsOtp' },
    )
    expect(sent.code).toBe('0')
  })
})

describe('transaction signing (API.md 1.8)', () => {
  it('by QR: authQRCode with isTransaction "1", OTP bound to the details', async () => {
    const session = await h.login('alice')
    const otpLogin = await h.client.call('authOtp', {
      username: 'alice',
      otp: await h.totp('MOBILE-ALICE'),
      authToken: session.authToken,
    })
    const details = 'Transfer MYR 1,250.00 to Bob (acct 1234)'
    const qr = await h.client.call('requestQrCode', {
      username: 'alice',
      details: textToBase64(details),
      authToken: otpLogin.text('authToken'),
    })
    const scanned = await h.scan(qr.text('qrCode'))
    expect(scanned.details).toBe(details)
    const done = await h.client.call('authQRCode', {
      username: 'alice',
      otp: scanned.otp,
      challenge: qr.text('otpChallenge'),
      details: textToBase64(qr.text('plainText')),
      transactionValue: '1250.00',
      isTransaction: '1',
      authToken: qr.text('authToken'),
    })
    expect(done.code).toBe('0')
    expect(done.text('authToken')).not.toBe(qr.text('authToken'))
  })

  it('by SMS: requestSmsTransOtp then authoriseSmsTrans/{username}', async () => {
    const details = 'Pay MYR 99.00 to Electric Co'
    const sent = await h.client.call('requestSmsTransOtp', {
      username: 'bob',
      details,
      transactionId: 'TX-1',
    })
    expect(sent.code).toBe('0')
    expect(sent.object).toEqual({ phone: '+60198765432', timeout: '300' })
    const sms = await h.lastSms('bob')
    expect(sms.text).toContain(details)
    const done = await h.client.call(
      'authoriseSmsTrans',
      { username: 'bob', transactionId: 'TX-1', details, smsOtp: sms.code },
      { pathParams: { username: 'bob' } },
    )
    expect(done.code).toBe('0')
    expect(done.text('transactionId')).toBe('TX-1')
  })

  it('by CR: requestTransactionSigningChallenge then authTransactionSigningCrOtp', async () => {
    const session = await h.login('alice')
    const fields = { username: 'alice', details: 'Transfer MYR 10', transactionId: 'TX-CR-1' }
    const challenge = await h.client.call('requestTransactionSigningChallenge', {
      ...fields,
      authToken: session.authToken,
    })
    expect(challenge.code).toBe('0')
    const otp = await h.respond('CR0000001', challenge.text('otpChallenge'))
    const done = await h.client.call('authTransactionSigningCrOtp', {
      ...fields,
      otp,
      challenge: challenge.text('otpChallenge'),
      authToken: session.authToken,
    })
    expect(done.code).toBe('0')
    expect(done.text('authToken')).not.toBe(session.authToken)
  })
})

describe('admin registration (API.md 1.8, 2.18-2.20)', () => {
  it('binds a stock token and a phone to carol, who then logs in with CR OTP', async () => {
    const cenToken = await h.adminCenToken()
    const bound = await h.client.admin('registerActiveToken', 'admin', {
      username: 'carol',
      tokenSn: 'CR0000002',
      tokenType: '2',
      cenToken,
    })
    expect(bound.code).toBe('0')
    expect(bound.object).toMatchObject({ boundUser: 'carol', boundTokenStatus: '1' })
    const phone = await h.client.admin('registerActiveToken', 'admin', {
      username: 'carol',
      tokenSn: '+60111222333',
      tokenType: '1',
      cenToken,
    })
    expect(phone.code).toBe('0')
    const list = await h.client.admin('userAuthList', 'admin', { username: 'carol', cenToken })
    expect(list.code).toBe('0')
    expect(list.object.tokenList).toEqual([
      { sn: '+60111222333', type: '1', status: '2' },
      { sn: 'CR0000002', type: '2', status: '2' },
    ])
    const first = await h.login('carol')
    expect(first.result.text('authMethods')).toBe('SMS,CROTP')
    const challenge = await h.client.call('requestOtpChallenge', {
      username: 'carol',
      authToken: first.authToken,
    })
    const crOtp = await h.respond('CR0000002', challenge.text('otpChallenge'))
    const done = await h.client.call('authCrOtp', {
      username: 'carol',
      crOtp,
      challenge: challenge.text('otpChallenge'),
      authToken: first.authToken,
    })
    expect(done.code).toBe('0')
  })

  it('registerActiveToken codes: 29001, 29017, 29008, 29004, 22002; also on the /v2 base', async () => {
    const cenToken = await h.adminCenToken()
    const register = (username: string, tokenSn: string, tokenType: string) =>
      h.client.admin('registerActiveToken', 'admin', { username, tokenSn, tokenType, cenToken })
    expect((await register('carol', 'NOPE999', '2')).code).toBe('29001')
    expect((await register('carol', 'CR0000001', '2')).code).toBe('29017')
    expect((await register('alice', 'CR0000002', '2')).code).toBe('29008')
    expect((await register('carol', '+60123456789', '1')).code).toBe('29004')
    expect((await register('nobody', 'CR0000002', '2')).code).toBe('22002')
    const v2 = await h.client.admin(
      'registerActiveToken',
      'admin',
      { username: 'carol', tokenSn: 'CR0000003', tokenType: '2', cenToken },
      'v2',
    )
    expect(v2.code).toBe('0')
  })

  it('offline OTP registration returns a key that then works with authOtp; 29008 when bound', async () => {
    const cenToken = await h.adminCenToken()
    const offline = await h.client.admin('registerOfflineOtp', 'admin', {
      username: 'carol',
      cenToken,
    })
    expect(offline.code).toBe('0')
    expect(offline.text('key')).toMatch(/^[A-Z2-7]+=*$/)
    expect(
      (await h.client.admin('registerOfflineOtp', 'admin', { username: 'alice', cenToken })).code,
    ).toBe('29008')
    expect(
      (await h.client.admin('registerOfflineOtp', 'admin', { username: 'carol', cenToken })).code,
    ).toBe('29008')
    const first = await h.login('carol')
    expect(first.result.text('authMethods')).toBe('OTP')
    const otp = await h.totp('SOFT-carol')
    expect(
      (await h.client.call('authOtp', { username: 'carol', otp, authToken: first.authToken })).code,
    ).toBe('0')
  })

  it('listMultipleUserDevice: GET, real JSON object and numeric code', async () => {
    const session = await h.login('admin')
    const cenToken = await h.client.cenToken({
      secretCode: session.secretCode,
      adminUsername: 'admin',
      authToken: session.authToken,
    })
    const path = `/CentagateWS/webresources/device/listMultipleUserDevice/admin/${cenToken}/10001`
    const response = await fetch(`${h.server.url}${path}`)
    const body = (await response.json()) as {
      code: unknown
      object: { deviceList: { accountId: string }[] }
    }
    expect(body.code).toBe(0)
    expect(body.object.deviceList.map((device) => device.accountId)).toEqual([
      'a11ce0000000000000000000000000d1',
      'c0000000000000000000000000000001',
    ])
    expect(endpoints.listMultipleUserDevice.method).toBe('GET')
  })
})
