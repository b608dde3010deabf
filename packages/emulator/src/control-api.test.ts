// The control API (README "Control API"): outbox, token/respond, token/totp, app/scan (QR value
// and manual code), app/decision, clock, users/:username, stats, state export/import, reset;
// bad input is a 4xx JSON error.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEmulator } from './emulator'
import { textToBase64 } from './encoding'
import { type Harness, startHarness } from '@centagate-kit/testkit/emulator-test-server'

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.close()
})

describe('control API', () => {
  it('users/:username describes enrolled factors without secrets', async () => {
    const alice = await h.control<Record<string, unknown>>('GET', 'users/alice')
    expect(alice.status).toBe(200)
    expect(alice.body).toMatchObject({
      username: 'alice',
      phone: '+60123456789',
      factors: ['SMS', 'CROTP', 'QRCODE', 'OTP', 'PUSH'],
      tokens: [{ serial: 'CR0000001', kind: 'cr' }],
      lockedUntil: null,
    })
    expect(JSON.stringify(alice.body)).not.toMatch(/password|seed|secret/i)
    expect((await h.control('GET', 'users/nobody')).status).toBe(404)
  })

  it('app/scan accepts the manual code; app/decision 404s without a pending request', async () => {
    expect((await h.decide('alice', 'approve')).status).toBe(404)
    const session = await h.login('alice')
    const qr = await h.client.call('requestQrCode', {
      username: 'alice',
      details: textToBase64('Hi'),
      authToken: session.authToken,
    })
    const byCode = await h.control<{ otp: string; details: string }>('POST', 'app/scan', {
      manualCode: qr.text('otpChallenge'),
      username: 'alice',
    })
    const byQr = await h.scan(qr.text('qrCode'))
    expect(byCode.body.otp).toBe(byQr.otp)
    expect(byCode.body.details).toBe('Hi')
    expect((await h.control('POST', 'app/scan', { qrCode: 'not-a-qr' })).status).toBe(404)
    expect((await h.control('POST', 'app/scan', { nope: 1 })).status).toBe(400)
  })

  it('token/respond and token/totp: unknown serials 404, bad bodies 400', async () => {
    expect(
      (await h.control('POST', 'token/respond', { serial: 'NOPE', challenge: '12345678' })).status,
    ).toBe(404)
    expect((await h.control('POST', 'token/respond', { serial: 'CR0000001' })).status).toBe(400)
    expect((await h.control('GET', 'token/totp?serial=NOPE')).status).toBe(404)
    const otp = await h.respond('CR0000001', '12345678')
    expect(otp).toMatch(/^\d{6}$/)
    expect(await h.respond('CR0000002', '12345678')).not.toBe(otp)
  })

  it('clock advances; TOTP follows the emulator clock', async () => {
    const before = await h.control<{ unixTimestamp: number }>('GET', 'clock')
    const first = await h.totp('MOBILE-ALICE')
    const after = await h.advance(30)
    expect((after.body as { unixTimestamp: number }).unixTimestamp).toBe(
      before.body.unixTimestamp + 30,
    )
    expect(await h.totp('MOBILE-ALICE')).not.toBe(first)
    expect((await h.control('POST', 'clock', { advanceSeconds: 'soon' })).status).toBe(400)
  })

  it('stats count requests per endpoint; reset restores the fixtures', async () => {
    await h.control('DELETE', 'stats')
    await h.login('alice')
    await h.client.call('requestSmsOtp', { username: 'bob' })
    await h.client.send('POST', '/v2/CentagateWS/webresources/auth/unknown')
    const stats = await h.control<{
      total: number
      byEndpoint: Record<string, number>
      unmatched: number
    }>('GET', 'stats')
    expect(stats.body).toEqual({
      total: 2,
      byEndpoint: { authBasic: 1, requestSmsOtp: 1 },
      unmatched: 1,
    })
    const cenToken = await h.adminCenToken()
    await h.client.admin('registerActiveToken', 'admin', {
      username: 'carol',
      tokenSn: 'CR0000002',
      tokenType: '2',
      cenToken,
    })
    expect((await h.control<{ factors: string[] }>('GET', 'users/carol')).body.factors).toEqual([
      'CROTP',
    ])
    await h.control('POST', 'reset')
    expect((await h.control<{ factors: string[] }>('GET', 'users/carol')).body.factors).toEqual([])
    expect((await h.control<{ messages: unknown[] }>('GET', 'outbox')).body.messages).toEqual([])
    expect((await h.control<{ total: number }>('GET', 'stats')).body.total).toBe(0)
  })

  it('state export/import round-trips sessions, codes and the clock offset; invalid state is refused', async () => {
    const session = await h.login('bob')
    await h.client.call('requestSmsOtp', { username: 'bob', authToken: session.authToken })
    await h.advance(10)
    const exported = await h.control<Record<string, unknown>>('GET', 'state')
    const copy = createEmulator({
      state: JSON.parse(JSON.stringify(exported.body)),
      now: () => 1_763_900_000_000,
    })
    expect(copy.clock.offsetMs()).toBe(10_000)
    expect(copy.state.outbox).toHaveLength(1)
    expect(Object.keys(copy.state.liveTokens)).toContain(session.authToken)
    expect((await h.control('PUT', 'state', { version: 2 })).status).toBe(400)
    expect(() => createEmulator({ state: { nope: true } })).toThrow(/invalid emulator state/)
    expect((await h.control('PUT', 'state', exported.body)).status).toBe(200)
  })

  it('invalid settings are refused (OTP lifetime never over 600 s)', () => {
    expect(() => createEmulator({ settings: { otpLifetimeSeconds: 601 } })).toThrow(
      /otpLifetimeSeconds/,
    )
    expect(() => createEmulator({ settings: { maxWrongPerCode: 0 } })).toThrow(/maxWrongPerCode/)
    expect(
      createEmulator({ settings: { otpLifetimeSeconds: 120 } }).state.users.alice?.username,
    ).toBe('alice')
  })

  it('invalid fixtures are refused with the failing path', () => {
    expect(() => createEmulator({ fixtures: { apps: [], users: [] } })).toThrow(/apps/)
    expect(() =>
      createEmulator({
        fixtures: {
          apps: [{ integrationKey: 'k', secretKey: 's' }],
          users: [],
          tokens: [{ serial: 'X', seed: 'aa', accountId: 'c'.repeat(32), owner: 'ghost' }],
        },
      }),
    ).toThrow(/unknown user ghost/)
  })
})
