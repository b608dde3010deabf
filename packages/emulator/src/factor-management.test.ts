// Managing a user's factors with the admin cenToken (issue 15; API.md 2.19-2.20):
// device/register/onetimepin and the app's activation (control API app/activate),
// token/unregisterActiveToken, token/getStatus (a bare object), user/auth/list, and the offline
// OTP token whose key an authenticator app holds. Fields, return codes and state are checked
// over loopback HTTP with a client written from API.md.
import { createHmac } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '@centagate-kit/testkit/emulator-test-server'

let h: Harness
let cenToken: string
beforeEach(async () => {
  h = await startHarness()
  cenToken = await h.adminCenToken()
})
afterEach(async () => {
  await h.close()
})

const admin = (
  name:
    | 'registerOneTimePin'
    | 'unregisterActiveToken'
    | 'getTokenStatus'
    | 'userAuthList'
    | 'registerOfflineOtp',
  body: Record<string, string>,
) => h.client.admin(name, 'admin', { cenToken, ...body })

/** RFC 6238 (30 s, 6 digits, SHA-1) written here from the RFC, not the emulator's code. */
function rfc6238(base32: string, timeMs: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const char of base32.replace(/=+$/, '')) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0')
  }
  const key = Buffer.from(
    Array.from({ length: Math.floor(bits.length / 8) }, (_, i) =>
      parseInt(bits.slice(i * 8, i * 8 + 8), 2),
    ),
  )
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 1000 / 30)))
  const mac = createHmac('sha1', key).update(counter).digest()
  const offset = mac[mac.length - 1]! & 0x0f
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000
  return String(value).padStart(6, '0')
}

describe('device/register/onetimepin and the app activation', () => {
  it('answers {qr, passcode}, sends the passcode by SMS, and activates the app on scan + passcode', async () => {
    const registered = await admin('registerOneTimePin', { username: 'bob' })
    expect(registered.code).toBe('0')
    const qr = registered.text('qr')
    const passcode = registered.text('passcode')
    expect(qr).toMatch(/^CGACT1:[A-Za-z0-9_-]+$/)
    expect(passcode).toMatch(/^\d{6}$/)
    const sms = await h.lastSms('bob')
    expect(sms).toMatchObject({ code: passcode, kind: 'activation' })
    expect(sms.text).toContain(passcode)
    expect((await admin('getTokenStatus', { username: 'bob', type: '1' })).raw).toMatchObject({
      code: '0',
      object: '1',
    })
    const pending = await h.activations('bob')
    expect(pending).toEqual([expect.objectContaining({ qr, status: '1' })])
    expect(JSON.stringify(pending)).not.toContain(passcode)

    const wrong = await h.activate(qr, passcode === '000000' ? '111111' : '000000')
    expect(wrong).toMatchObject({
      status: 400,
      body: { error: 'invalid_passcode', attemptsLeft: 4 },
    })
    const activated = await h.activate(qr, passcode)
    expect(activated.status).toBe(200)
    expect(activated.body.accountId).toMatch(/^[0-9a-f]{32}$/)

    expect((await admin('getTokenStatus', { username: 'bob', type: '1' })).raw).toMatchObject({
      object: '2',
    })
    const login = await h.login('bob')
    expect(login.result.text('authMethods')).toBe('SMS,CROTP,QRCODE,OTP,PUSH')
    expect(login.result.text('defAccId')).toBe(activated.body.accountId)
    // The new app shows a TOTP the server accepts.
    const [app] = await h.authenticators('bob')
    expect(app).toMatchObject({ kind: 'mobile-app', serial: activated.body.serial })
    const otp = await h.client.call('authOtp', {
      username: 'bob',
      otp: app!.otp,
      otpType: 'online',
      authToken: login.authToken,
    })
    expect(otp.code).toBe('0')
    // Used once: a second scan of the same QR is refused.
    expect((await h.activate(qr, passcode)).status).toBe(410)
  })

  it('five wrong passcodes void the activation; expiry after `validity`; a user without a phone gets no SMS', async () => {
    const first = await admin('registerOneTimePin', { username: 'carol', validity: '60' })
    expect(first.code).toBe('0')
    expect(await h.outbox('carol')).toEqual([])
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await h.activate(first.text('qr'), 'wrong!')).status).toBe(400)
    }
    expect((await h.activate(first.text('qr'), first.text('passcode'))).status).toBe(410)
    const second = await admin('registerOneTimePin', { username: 'carol', validity: '60' })
    await h.advance(61)
    expect((await h.activate(second.text('qr'), second.text('passcode'))).status).toBe(410)
    expect((await admin('getTokenStatus', { username: 'carol', type: '1' })).raw).toMatchObject({
      object: '',
    })
    expect((await h.activate('CGACT1:bm9wZQ', '123456')).status).toBe(404)
  })

  it('return codes: 22027 already has the app, 22002 unknown user, 10002 bad status or validity, 10001 bad cenToken', async () => {
    expect((await admin('registerOneTimePin', { username: 'alice' })).code).toBe('22027')
    expect((await admin('registerOneTimePin', { username: 'nobody' })).code).toBe('22002')
    expect((await admin('registerOneTimePin', { username: 'bob', status: '7' })).code).toBe('10002')
    expect((await admin('registerOneTimePin', { username: 'bob', validity: '5' })).code).toBe(
      '10002',
    )
    expect(
      (
        await h.client.admin('registerOneTimePin', 'admin', {
          username: 'bob',
          cenToken: 'f'.repeat(64),
        })
      ).code,
    ).toBe('10001')
    // A registration made deactivated (status 4) cannot be activated.
    const deactivated = await admin('registerOneTimePin', { username: 'bob', status: '4' })
    expect(
      (await h.activate(deactivated.text('qr'), deactivated.text('passcode'))).body,
    ).toMatchObject({ error: 'deactivated' })
  })
})

describe('token/unregisterActiveToken and token/getStatus', () => {
  it('removes the SMS number (type 2): status "" afterwards, 29001 the second time', async () => {
    expect((await admin('getTokenStatus', { username: 'bob', type: '2' })).raw).toMatchObject({
      code: '0',
      object: '2',
    })
    const removed = await admin('unregisterActiveToken', { username: 'bob', type: '2' })
    expect(removed.raw).toMatchObject({ code: '0', object: '' })
    expect((await admin('getTokenStatus', { username: 'bob', type: '2' })).raw).toMatchObject({
      object: '',
    })
    expect((await admin('unregisterActiveToken', { username: 'bob', type: '2' })).code).toBe(
      '29001',
    )
    expect((await admin('userAuthList', { username: 'bob' })).object).toMatchObject({
      tokenList: [],
    })
  })

  it('removes the OTP token (type 3, "CH" accepted): the hardware token goes back to stock', async () => {
    expect((await admin('getTokenStatus', { username: 'alice', type: '3' })).raw).toMatchObject({
      object: '2',
    })
    expect((await admin('unregisterActiveToken', { username: 'alice', type: 'CH' })).code).toBe('0')
    const list = await admin('userAuthList', { username: 'alice' })
    expect(list.object.tokenList).toEqual([{ sn: '+60123456789', type: '1', status: '2' }])
    // Back in stock: another user may now register it.
    expect(
      (
        await h.client.admin('registerActiveToken', 'admin', {
          username: 'carol',
          tokenSn: 'CR0000001',
          tokenType: '2',
          cenToken,
        })
      ).code,
    ).toBe('0')
  })

  it('removes the CENTAGATE app (type 1): QR, push and online CR are no longer offered', async () => {
    expect((await admin('unregisterActiveToken', { username: 'alice', type: '1' })).code).toBe('0')
    expect((await admin('getTokenStatus', { username: 'alice', type: '1' })).raw).toMatchObject({
      object: '',
    })
    expect((await h.login('alice')).result.text('authMethods')).toBe('SMS,CROTP')
    expect((await admin('unregisterActiveToken', { username: 'alice', type: '1' })).code).toBe(
      '36000',
    )
  })

  it('return codes: 26001 no certificate (type 4), 10002 unknown type, 22002 unknown user; /v2 path too', async () => {
    expect((await admin('unregisterActiveToken', { username: 'alice', type: '4' })).code).toBe(
      '26001',
    )
    expect((await admin('unregisterActiveToken', { username: 'alice', type: '9' })).code).toBe(
      '10002',
    )
    expect((await admin('getTokenStatus', { username: 'alice', type: '' })).code).toBe('10002')
    expect((await admin('getTokenStatus', { username: 'nobody', type: '1' })).code).toBe('22002')
    expect(
      (
        await h.client.admin(
          'unregisterActiveToken',
          'admin',
          { username: 'bob', type: '2', cenToken },
          'v2',
        )
      ).code,
    ).toBe('0')
  })
})

describe('offline OTP token (an authenticator app)', () => {
  it('the key is Base32 for RFC 6238 (30 s, 6 digits): authOtp accepts a code computed from it once', async () => {
    const registered = await admin('registerOfflineOtp', { username: 'carol' })
    const key = registered.text('key')
    expect(key).toMatch(/^[A-Z2-7]{32}$/)
    const now = h.server.emulator.clock.now()
    const code = rfc6238(key, now)
    const [shown] = await h.authenticators('carol')
    expect(shown).toMatchObject({ kind: 'offline-token', serial: 'SOFT-carol', otp: code })
    const login = await h.login('carol')
    expect(login.result.text('authMethods')).toBe('OTP')
    const otp = (authToken: string, otpType = '') =>
      h.client.call('authOtp', { username: 'carol', otp: code, otpType, authToken })
    // otpType "online" names the mobile app, which carol does not have: not this token.
    expect((await otp(login.authToken, 'online')).code).toBe('23017')
    const done = await otp(login.authToken, 'offline')
    expect(done.code).toBe('0')
    expect(done.text('secretCode')).not.toBe('')
    // The same step is accepted once.
    const again = await h.login('carol')
    expect((await otp(again.authToken)).code).toBe('23001')
    // Two steps later: the next step (t+1) is refused, the previous one (t-1, unused) accepted.
    await h.advance(60)
    const at = (offsetMs: number) => rfc6238(key, h.server.emulator.clock.now() + offsetMs)
    const call = (code_: string) =>
      h.client.call('authOtp', { username: 'carol', otp: code_, authToken: again.authToken })
    expect((await call(at(30_000))).code).toBe('23001')
    expect((await call(at(-30_000))).code).toBe('0')
  })

  it('user/auth/list shows the offline token, and unregister type 3 removes it', async () => {
    await admin('registerOfflineOtp', { username: 'carol' })
    expect((await admin('userAuthList', { username: 'carol' })).object).toEqual({
      tokenList: [{ sn: 'SOFT-carol', type: '2', status: '2' }],
      certList: [],
      device: null,
    })
    expect((await admin('unregisterActiveToken', { username: 'carol', type: '3' })).code).toBe('0')
    expect(await h.authenticators('carol')).toEqual([])
  })
})
