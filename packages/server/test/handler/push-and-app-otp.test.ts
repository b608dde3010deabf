// Push approval and the CENTAGATE app's code, end to end against the in-process emulator: the
// push carries exactly the server's text (login text or the transaction summary), the app
// decides it through the emulator's control API, `push/status` reports it; the app code logs in
// and counts wrong codes; a step-up with a transaction never offers the app code.
import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { createTestApp } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

const session = { cookies: { 'app-session': 'alice' } }
const methodsOf = (body: Record<string, unknown>) =>
  (body.methods as { method: string }[]).map((entry) => entry.method)

describe('push approval', () => {
  it('login: the push shows the login text, an approval logs in once', async () => {
    let time = 1_700_000_000_000
    const { handler, upstream, device, authenticated } = createTestApp({}, () => time)
    const browser = createKitBrowser(handler)
    await browser.post('login/start', { username: 'alice', password: 'alice-password' })
    const sent = await browser.post('push/send')
    expect(sent.body).toMatchObject({ status: 'sent', method: 'push', details: 'Sign in' })
    const [push] = await device.pushes('alice')
    expect(push?.details).toBe('Sign in')
    expect((await browser.post('push/status')).body).toMatchObject({ status: 'pending' })
    await device.decidePush('alice', 'approve')
    // At most one statecheck per flow and second: the next poll after that.
    time += 1_000
    const done = await browser.post('push/status')
    expect(done.body).toMatchObject({ status: 'authenticated', flow: 'login', method: 'push' })
    expect(authenticated).toEqual([{ flow: 'login', username: 'alice', method: 'push' }])
    expect(upstream.first('statecheck').fields.authMethod).toBe('PUSH')
    // The flow has ended: a replayed poll is no flow.
    expect((await browser.post('push/status')).body).toMatchObject({
      error: { code: 'no_flow' },
    })
  })

  it('a rejected push answers rejected; a new push may be sent and approved', async () => {
    const { handler, device } = createTestApp()
    const browser = createKitBrowser(handler)
    await browser.post('login/start', { username: 'alice', password: 'alice-password' })
    await browser.post('push/send')
    await device.decidePush('alice', 'reject')
    expect((await browser.post('push/status')).body).toMatchObject({ status: 'rejected' })
    await browser.post('push/send')
    await device.decidePush('alice', 'approve')
    expect((await browser.post('push/status')).body).toMatchObject({ status: 'authenticated' })
  })

  it('an unanswered push expires (no upstream call after the deadline)', async () => {
    let time = 1_700_000_000_000
    const { handler, upstream } = createTestApp({}, () => time)
    const browser = createKitBrowser(handler)
    await browser.post('login/start', { username: 'alice', password: 'alice-password' })
    await browser.post('push/send')
    time += 300_000
    const before = upstream.count('statecheck')
    expect((await browser.post('push/status')).body).toMatchObject({ status: 'expired' })
    expect(upstream.count('statecheck')).toBe(before)
  })

  it('step-up with a transaction: the push carries the server summary, never the browser', async () => {
    const { handler, device, upstream } = createTestApp()
    const browser = createKitBrowser(handler, session)
    const start = await browser.post('stepup/start', { transactionId: 'tx-1' })
    expect(methodsOf(start.body)).toContain('push')
    const sent = await browser.post('push/send')
    expect(sent.body).toMatchObject({ details: 'Transfer MYR 1,250.00 to Ahmad (1234)' })
    expect((await device.pushes('alice'))[0]?.details).toBe('Transfer MYR 1,250.00 to Ahmad (1234)')
    await device.decidePush('alice', 'approve')
    const done = await browser.post('push/status')
    expect(done.body).toMatchObject({
      status: 'authenticated',
      flow: 'stepup',
      method: 'push',
      receipt: { transactionId: 'tx-1' },
    })
    expect(upstream.count('requestMobilePushCR')).toBe(1)
  })

  it('a user without the app is not offered a push, and push/send is refused', async () => {
    const { handler, upstream } = createTestApp()
    const browser = createKitBrowser(handler)
    const start = await browser.post('login/start', { username: 'bob', password: 'bob-password' })
    expect(methodsOf(start.body)).toEqual(['sms'])
    const before = upstream.count()
    expect((await browser.post('push/send')).body).toMatchObject({
      error: { code: 'method_unavailable' },
    })
    expect(upstream.count()).toBe(before)
  })
})

describe('the CENTAGATE app code (auth/authOtp)', () => {
  it('logs in with the code the app shows now; start makes no upstream call', async () => {
    const { handler, upstream, device } = createTestApp()
    const browser = createKitBrowser(handler)
    await browser.post('login/start', { username: 'alice', password: 'alice-password' })
    const before = upstream.count()
    const started = await browser.post('app-otp/start')
    expect(started.body).toMatchObject({ status: 'sent', method: 'app_otp', attemptsLeft: 5 })
    expect(upstream.count()).toBe(before)
    const [app] = await device.authenticators('alice')
    expect(app?.kind).toBe('mobile-app')
    const done = await browser.post('app-otp/verify', { code: app!.otp })
    expect(done.body).toMatchObject({ status: 'authenticated', method: 'app_otp' })
    expect(upstream.first('authOtp').fields).toMatchObject({ username: 'alice', otp: app!.otp })
  })

  it('a wrong code counts down the attempts; verify before start is a wrong step', async () => {
    const { handler } = createTestApp()
    const browser = createKitBrowser(handler)
    await browser.post('login/start', { username: 'alice', password: 'alice-password' })
    expect((await browser.post('app-otp/verify', { code: '000000' })).body).toMatchObject({
      error: { code: 'flow_step_invalid' },
    })
    await browser.post('app-otp/start')
    const wrong = await browser.post('app-otp/verify', { code: '000000' })
    expect(wrong.body).toMatchObject({ error: { code: 'otp_invalid', attemptsLeft: 4 } })
  })

  it('plain step-up offers it; a step-up with a transaction does not, and refuses it', async () => {
    const { handler, device } = createTestApp()
    const plain = createKitBrowser(handler, session)
    expect(methodsOf((await plain.post('stepup/start', {})).body)).toContain('app_otp')
    await plain.post('app-otp/start')
    const [app] = await device.authenticators('alice')
    expect((await plain.post('app-otp/verify', { code: app!.otp })).body).toMatchObject({
      status: 'authenticated',
      flow: 'stepup',
      method: 'app_otp',
    })
    const signing = createKitBrowser(handler, session)
    const start = await signing.post('stepup/start', { transactionId: 'tx-1' })
    expect(methodsOf(start.body)).not.toContain('app_otp')
    expect((await signing.post('app-otp/start')).body).toMatchObject({
      error: { code: 'method_unavailable' },
    })
  })
})
