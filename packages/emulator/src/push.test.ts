// Push approval (issue 15): req/requestMobilePushCR (API.md 2.12) sends a push with the
// request's details to the CENTAGATE app; session/statecheck with authMethod PUSH (2.11) answers
// 23007 while it is pending, 0 with the completed login once approved, 23026 once rejected and
// 23016 once expired. The app's inbox and decisions are the control API's app/pushes.
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

async function pushFor(username: string, details = 'Sign in to Demo Bank') {
  const session = await h.login(username)
  const push = await h.client.call('requestMobilePushCR', {
    username,
    details: textToBase64(details),
    authToken: session.authToken,
  })
  return { session, push }
}

const poll = (username: string, authToken: string, authMethod = 'PUSH') =>
  h.client.call('statecheck', { username, authMethod, authToken })

describe('requestMobilePushCR + statecheck PUSH', () => {
  it('pending, then approved in the app: the login completes with a new token', async () => {
    const { session, push } = await pushFor('alice', 'Sign in from Firefox on Linux')
    expect(push.code).toBe('0')
    const pushToken = push.text('authToken')
    expect(pushToken).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    expect(pushToken).not.toBe(session.authToken)
    // The push has its own token: the password step's token is rotated out (23018).
    expect((await poll('alice', session.authToken)).code).toBe('23018')

    const inbox = await h.pushes('alice')
    expect(inbox).toHaveLength(1)
    expect(inbox[0]).toMatchObject({
      username: 'alice',
      accountId: 'a11ce0000000000000000000000000d1',
      details: 'Sign in from Firefox on Linux',
    })
    expect((await poll('alice', pushToken)).code).toBe('23007')

    expect((await h.decidePush('alice', 'approve')).body).toMatchObject({ status: 'approved' })
    const done = await poll('alice', pushToken)
    expect(done.code).toBe('0')
    expect(done.text('secretCode')).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(done.text('multiStepAuth')).toBe('false')
    expect(done.text('authToken')).not.toBe(pushToken)
    // Used once: the approved push cannot complete a second login.
    expect((await poll('alice', done.text('authToken'))).code).toBe('23016')
    expect(await h.pushes('alice')).toEqual([])
  })

  it('rejected in the app: 23026, and the decision route answers 404 once nothing is pending', async () => {
    const { push } = await pushFor('alice')
    expect((await h.decidePush('alice', 'reject')).body).toMatchObject({ status: 'rejected' })
    expect((await poll('alice', push.text('authToken'))).code).toBe('23026')
    expect((await h.decidePush('alice', 'approve')).status).toBe(404)
  })

  it('expires after the OTP lifetime (300 s): 23016, and it leaves the inbox', async () => {
    const { push } = await pushFor('alice')
    await h.advance(301)
    expect(await h.pushes('alice')).toEqual([])
    expect((await h.decidePush('alice', 'approve')).status).toBe(404)
    expect((await poll('alice', push.text('authToken'))).code).toBe('23016')
  })

  it('statecheck CROTP polls the push too (API.md 2.12); other methods are 23017', async () => {
    const { push } = await pushFor('alice')
    expect((await poll('alice', push.text('authToken'), 'CROTP')).code).toBe('23007')
    expect((await poll('alice', push.text('authToken'), 'MSOFTCERT')).code).toBe('23017')
    const pending = await h.pushes('alice')
    await h.decidePush('alice', 'approve', pending[0]!.requestId)
    expect((await poll('alice', push.text('authToken'), 'CROTP')).code).toBe('0')
  })

  it('return codes: no app 23013, wrong devAccId 36000, missing details 10002, bad token 23016', async () => {
    const bob = await h.login('bob')
    expect(
      (
        await h.client.call('requestMobilePushCR', {
          username: 'bob',
          details: textToBase64('x'),
          authToken: bob.authToken,
        })
      ).code,
    ).toBe('23013')
    const alice = await h.login('alice')
    expect(
      (
        await h.client.call('requestMobilePushCR', {
          username: 'alice',
          devAccId: 'c0000000000000000000000000000001',
          details: textToBase64('x'),
          authToken: alice.authToken,
        })
      ).code,
    ).toBe('36000')
    expect(
      (
        await h.client.call('requestMobilePushCR', {
          username: 'alice',
          authToken: alice.authToken,
        })
      ).code,
    ).toBe('10002')
    expect(
      (
        await h.client.call('requestMobilePushCR', {
          username: 'alice',
          details: textToBase64('x'),
          authToken: 'bm90LWEtbGl2ZS10b2tlbi1vZi10aGlzLWVtdWxhdG9yLg==',
        })
      ).code,
    ).toBe('23016')
    expect(await h.pushes('alice')).toEqual([])
  })

  it('without an authToken a push starts a session of its own (API.md 1.4), signed with devAccId', async () => {
    const push = await h.client.call('requestMobilePushCR', {
      username: 'alice',
      devAccId: 'a11ce0000000000000000000000000d1',
      details: textToBase64('Passwordless sign-in'),
    })
    expect(push.code).toBe('0')
    expect(push.headers.get('x-centagate-emulator-signed-order')).toBe('canonical')
    await h.decidePush('alice', 'approve')
    expect((await poll('alice', push.text('authToken'))).code).toBe('0')
  })

  it('alice, who has the app, is offered PUSH; bob (SMS only) is not', async () => {
    expect((await h.login('alice')).result.text('authMethods').split(',')).toContain('PUSH')
    expect((await h.login('bob')).result.text('authMethods')).toBe('SMS')
  })
})
