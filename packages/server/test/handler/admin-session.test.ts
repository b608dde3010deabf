import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { completeStepUp } from '@centagate-kit/testkit/step-up-journey'
import { createTestApp } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

describe('admin session for tokens/register', () => {
  it('logs the admin in once, caches the session, and re-logs in once on 10001', async () => {
    let time = 1_700_000_000_000
    // CENTAGATE ends sessions after 30 s here, while the kit caches the admin's for 60 s: the
    // third registration meets an expired session upstream (10001). Each registration follows a
    // fresh step-up (alice answers with her hardware token): factor changes need one.
    // Method targets off: the step-ups' user/auth/list would share (and refresh) the admin session.
    const { handler, upstream, device } = createTestApp({ methodTargets: false }, () => time, {
      settings: { sessionLifetimeSeconds: 30 },
    })
    const browser = createKitBrowser(handler, { cookies: { 'app-session': 'alice' } })
    const register = async (phoneNumber: string) => {
      await completeStepUp(browser, device, { token: 'CR0000001' })
      return (await browser.post('tokens/register', { kind: 'sms', phoneNumber })).status
    }
    expect(await register('+60111000100')).toBe(200)
    expect(await register('+60111000111')).toBe(200)
    expect(upstream.count('authBasic')).toBe(1)
    time += 31_000
    expect(await register('+60111000222')).toBe(200)
    expect(upstream.count('authBasic')).toBe(2)
    const registrations = upstream.calls.filter((call) => call.endpoint === 'registerActiveToken')
    expect(registrations.map((call) => call.code)).toEqual(['0', '0', '10001', '0'])
    expect(registrations[3]!.fields.cenToken).not.toBe(registrations[2]!.fields.cenToken)
  })

  it('refuses when enrolment is not authorised, or no admin is configured, with 0 upstream calls', async () => {
    const denied = createTestApp({ authorizeEnrolment: () => Promise.resolve(false) })
    const a = await createKitBrowser(denied.handler, { cookies: { 'app-session': 'bob' } }).post(
      'tokens/register',
      { kind: 'hardware', serial: 'CR0000002' },
    )
    expect(a.body).toMatchObject({ error: { code: 'forbidden' } })
    expect(denied.upstream.count()).toBe(0)
    const noAdmin = createTestApp({ admin: undefined })
    const b = await createKitBrowser(noAdmin.handler, { cookies: { 'app-session': 'bob' } }).post(
      'tokens/register',
      { kind: 'hardware', serial: 'CR0000002' },
    )
    expect(b.status).toBe(403)
    expect(noAdmin.upstream.count()).toBe(0)
  })

  it('maps enrolment refusals to enrolment_rejected with the return code', async () => {
    const { handler, device } = createTestApp()
    const bob = createKitBrowser(handler, { cookies: { 'app-session': 'bob' } })
    await completeStepUp(bob, device, { sms: 'bob' })
    // alice's number: CENTAGATE refuses a phone bound to another user (29004).
    const answer = await bob.post('tokens/register', { kind: 'sms', phoneNumber: '+60123456789' })
    expect(answer.body).toMatchObject({
      error: {
        code: 'enrolment_rejected',
        returnCode: '29004',
        messageKey: 'centagate.phone_in_use',
      },
    })
  })
})
