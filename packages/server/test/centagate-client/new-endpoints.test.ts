// The CENTAGATE client's methods for issue 15's calls against the in-process emulator: push
// approval (requestMobilePushCR + statecheck PUSH), authOtp with the app's code, logout, and the
// admin calls by user (offline OTP token, app activation, factor status, list and removal) on the
// admin cenToken session. Payloads come back decoded; refusals as typed errors.
import { base64Utf8 } from '../../src/encoding'
import { createAdminSessions } from '../../src/handler/admin-session'
import { CentagateCodeError, createCentagateAdminCalls } from '@centagate-kit/server'
import { createTestApp } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

function app() {
  const test = createTestApp()
  const client = test.handler.client
  const admin = createCentagateAdminCalls(
    client,
    createAdminSessions(client, test.admin, () => test.emulator.clock.now()),
  )
  return { ...test, client, admin }
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof CentagateCodeError ? error.code : String(error)),
  )

describe('client methods of the new endpoints', () => {
  it('requestMobilePushCR answers the token statecheck PUSH completes the login with', async () => {
    const { client, device } = app()
    const login = await client.authBasic({ username: 'alice', password: 'alice-password' })
    const push = await client.requestMobilePushCR({
      username: 'alice',
      details: base64Utf8('Sign in to Demo Bank'),
      authToken: login.authToken,
    })
    expect(push).toEqual({ authToken: expect.stringMatching(/=$/) })
    const poll = () =>
      client.statecheck({ username: 'alice', authMethod: 'PUSH', authToken: push.authToken })
    expect(await codeOf(poll())).toBe('23007')
    expect((await device.pushes('alice'))[0]?.details).toBe('Sign in to Demo Bank')
    await device.decidePush('alice', 'approve')
    const done = await poll()
    expect(done.secretCode).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(done.authMethods).toContain('PUSH')
  })

  it("authOtp takes the app's current code; logout ends the session (then 23016)", async () => {
    const { client, device } = app()
    const login = await client.authBasic({ username: 'alice', password: 'alice-password' })
    const [code] = await device.authenticators('alice', 'MOBILE-ALICE')
    const done = await client.authOtp({
      username: 'alice',
      otp: code!.otp,
      otpType: 'online',
      authToken: login.authToken,
    })
    expect(done.secretCode).not.toBe('')
    expect(await client.logout({ username: 'alice', authToken: done.authToken })).toBeUndefined()
    expect(await codeOf(client.logout({ username: 'alice', authToken: done.authToken }))).toBe(
      '23016',
    )
  })
})

describe('admin calls by user (createCentagateAdminCalls)', () => {
  it('offline OTP token: the key, the list, the status, then removal', async () => {
    const { admin, emulator } = app()
    const { key } = await admin.registerOfflineOtp('carol')
    expect(key).toMatch(/^[A-Z2-7]{32}$/)
    expect(emulator.state.users.carol?.softToken?.secret).toBe(key)
    expect((await admin.listFactors('carol')).tokenList).toEqual([
      { sn: 'SOFT-carol', type: '2', status: '2' },
    ])
    expect(await admin.factorStatus('carol', 'token')).toEqual({ code: '2', status: 'valid' })
    await admin.unregisterFactor('carol', 'token')
    expect(await admin.factorStatus('carol', 'token')).toEqual({ code: '', status: 'none' })
    expect(await codeOf(admin.unregisterFactor('carol', 'token'))).toBe('29001')
  })

  it('app activation: qr and passcode, pending until the app scans it, then valid', async () => {
    const { admin, device } = app()
    const started = await admin.registerOneTimePin('bob', { validitySeconds: 120 })
    expect(started.qr).toMatch(/^CGACT1:/)
    expect(started.passcode).toBe((await device.lastSms('bob')).code)
    expect(await admin.factorStatus('bob', 'mobile')).toEqual({ code: '1', status: 'pending' })
    expect((await device.activate(started.qr, started.passcode!)).status).toBe(200)
    expect(await admin.factorStatus('bob', 'mobile')).toEqual({ code: '2', status: 'valid' })
    expect((await admin.listFactors('bob')).device).toMatchObject({ status: '1' })
    expect(await codeOf(admin.registerOneTimePin('bob'))).toBe('22027')
  })

  it('removes an SMS number and registers a hardware token; refusals are typed', async () => {
    const { admin } = app()
    await admin.unregisterFactor('bob', 'sms')
    expect(await admin.factorStatus('bob', 'sms')).toEqual({ code: '', status: 'none' })
    const bound = await admin.registerActiveToken('bob', { kind: 'hardware', serial: 'CR0000002' })
    expect(bound).toMatchObject({ boundUser: 'bob' })
    expect(await codeOf(admin.unregisterFactor('bob', 'pki'))).toBe('26001')
    expect(await codeOf(admin.factorStatus('nobody', 'sms'))).toBe('22002')
  })
})
