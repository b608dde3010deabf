import { describe, expect, it } from 'vitest'
import { createKitBrowser } from '../test-support/kit-browser'
import { createTestApp } from '../test-support/test-app'

describe('admin session for tokens/register', () => {
  it('logs the admin in once, caches the session, and re-logs in once on 10001', async () => {
    const { handler, fake } = createTestApp()
    const browser = createKitBrowser(handler, { cookies: { 'app-session': 'bob' } })
    expect(
      (await browser.post('tokens/register', { kind: 'hardware', serial: 'CR0000002' })).status,
    ).toBe(200)
    expect(
      (await browser.post('tokens/register', { kind: 'sms', phoneNumber: '+60111000111' })).status,
    ).toBe(200)
    expect(fake.count('authBasic')).toBe(1)
    let refused = false
    fake.override('registerActiveToken', () => {
      if (refused) return { code: '0', object: '' }
      refused = true
      return { code: '10001' }
    })
    expect(
      (await browser.post('tokens/register', { kind: 'hardware', serial: 'CR0000003' })).status,
    ).toBe(200)
    expect(fake.count('authBasic')).toBe(2)
    const cenTokens = fake.calls
      .filter((call) => call.endpoint === 'registerActiveToken')
      .map((call) => call.fields.cenToken)
    expect(cenTokens[3]).not.toBe(cenTokens[2])
  })

  it('refuses when enrolment is not authorised, or no admin is configured, with 0 upstream calls', async () => {
    const denied = createTestApp({ authorizeEnrolment: () => Promise.resolve(false) })
    const a = await createKitBrowser(denied.handler, { cookies: { 'app-session': 'bob' } }).post(
      'tokens/register',
      { kind: 'hardware', serial: 'CR0000002' },
    )
    expect(a.body).toMatchObject({ error: { code: 'forbidden' } })
    expect(denied.fake.count()).toBe(0)
    const noAdmin = createTestApp({ admin: undefined })
    const b = await createKitBrowser(noAdmin.handler, { cookies: { 'app-session': 'bob' } }).post(
      'tokens/register',
      { kind: 'hardware', serial: 'CR0000002' },
    )
    expect(b.status).toBe(403)
    expect(noAdmin.fake.count()).toBe(0)
  })

  it('maps enrolment refusals to enrolment_rejected with the return code', async () => {
    const { handler, fake } = createTestApp()
    fake.override('registerActiveToken', () => ({ code: '29004' }))
    const answer = await createKitBrowser(handler, { cookies: { 'app-session': 'bob' } }).post(
      'tokens/register',
      { kind: 'sms', phoneNumber: '+60111000111' },
    )
    expect(answer.body).toMatchObject({
      error: {
        code: 'enrolment_rejected',
        returnCode: '29004',
        messageKey: 'centagate.phone_in_use',
      },
    })
  })
})
