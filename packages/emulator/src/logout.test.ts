// auth/logout (issue 15; API.md 2.20, PDF18: U, IK, TS, AT signed): ends the CENTAGATE session
// of the authToken. Afterwards the token answers 23016 everywhere and a cenToken made from the
// session no longer authorises admin calls (10001).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, startHarness } from '@centagate-kit/testkit/emulator-test-server'

let h: Harness
beforeEach(async () => {
  h = await startHarness()
})
afterEach(async () => {
  await h.close()
})

describe('auth/logout', () => {
  it('ends the session: its authToken stops working', async () => {
    const login = await h.login('bob')
    const out = await h.client.call('logout', { username: 'bob', authToken: login.authToken })
    expect(out.raw).toMatchObject({ code: '0', object: '' })
    expect(out.headers.get('x-centagate-emulator-signed-order')).toBe('canonical')
    expect(
      (await h.client.call('requestSmsOtp', { username: 'bob', authToken: login.authToken })).code,
    ).toBe('23016')
    expect(
      (await h.client.call('logout', { username: 'bob', authToken: login.authToken })).code,
    ).toBe('23016')
  })

  it("an admin's logout revokes the cenToken made from that session", async () => {
    const session = await h.login('admin')
    const cenToken = await h.client.cenToken({
      secretCode: session.secretCode,
      adminUsername: 'admin',
      authToken: session.authToken,
    })
    const list = () => h.client.admin('userAuthList', 'admin', { username: 'bob', cenToken })
    expect((await list()).code).toBe('0')
    expect(
      (await h.client.call('logout', { username: 'admin', authToken: session.authToken })).code,
    ).toBe('0')
    expect((await list()).code).toBe('10001')
  })

  it('return codes: another user 23019, a rotated-out token 23018, unknown user 23001, missing token 10002; the v1 path answers too', async () => {
    const login = await h.login('bob')
    expect(
      (await h.client.call('logout', { username: 'alice', authToken: login.authToken })).code,
    ).toBe('23019')
    expect((await h.client.call('logout', { username: 'nobody', authToken: 'x' })).code).toBe(
      '23001',
    )
    expect((await h.client.call('logout', { username: 'bob' })).code).toBe('10002')
    // A completed factor rotates the token (the old one is retired).
    await h.advance(61)
    await h.client.call('requestSmsOtp', { username: 'bob', authToken: login.authToken })
    const sms = await h.lastSms('bob')
    const done = await h.client.call('authSmsOtp', {
      username: 'bob',
      smsOtp: sms.code,
      authToken: login.authToken,
    })
    expect(
      (await h.client.call('logout', { username: 'bob', authToken: login.authToken })).code,
    ).toBe('23018')
    const legacy = await h.client.call(
      'logout',
      { username: 'bob', authToken: done.text('authToken') },
      { base: 'v1', path: 'auth/logout' },
    )
    expect(legacy.code).toBe('0')
  })

  it('signs U, IK, TS, AT: the TAIL order with context fields would not verify', async () => {
    const login = await h.login('bob')
    const result = await h.client.call(
      'logout',
      { username: 'bob', authToken: login.authToken },
      {
        order: ['username', 'authToken', 'integrationKey', 'unixTimestamp'],
      },
    )
    expect(result.code).toBe('23022')
  })
})
