// kit.logout(request) (issue 15, point 5): a completed login leaves its CENTAGATE session in a
// sealed HttpOnly cookie; the app's logout route calls kit.logout, which ends that session
// upstream (auth/logout) and deletes the cookie. The browser never sees the authToken.
import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { createTestApp } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

async function loginWithToken(origin = 'http://localhost:3000') {
  const app = createTestApp()
  const browser = createKitBrowser(app.handler, { origin })
  await browser.post('login/start', { username: 'alice', password: 'alice-password' })
  const sent = await browser.post<{ challenge: string }>('challenge/send')
  const response = await app.device.respond('CR0000001', sent.body.challenge)
  const done = await browser.post('challenge/verify', { response })
  expect(done.body).toMatchObject({ status: 'authenticated', flow: 'login' })
  const authToken = app.upstream.first('authCrOtp').object.authToken as string
  return { ...app, browser, done, authToken }
}

const liveSessions = (emulator: { state: { sessions: Record<string, { username: string }> } }) =>
  Object.values(emulator.state.sessions).filter((session) => session.username === 'alice').length

describe('kit.logout(request)', () => {
  it('a completed login sets a sealed HttpOnly session cookie that does not reveal the authToken', async () => {
    const { browser, done, authToken } = await loginWithToken()
    const setCookie = done.headers
      .getSetCookie()
      .find((line) => line.startsWith('centagate-session='))
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    expect(setCookie).toMatch(/Path=\//)
    // CENTAGATE's sessionTimeout (1 800 000 ms in the emulator) bounds the cookie's life.
    expect(setCookie).toMatch(/Max-Age=1800/)
    const value = browser.jar.get('centagate-session')!
    expect(value).not.toContain(authToken)
    expect(done.raw).not.toContain(authToken)
  })

  it('ends the CENTAGATE session and deletes the cookie; a second logout finds it ended', async () => {
    const { handler, browser, upstream, emulator, authToken } = await loginWithToken()
    const before = liveSessions(emulator)
    const request = new Request('http://localhost:3000/app/logout', {
      method: 'POST',
      headers: { cookie: browser.cookieHeader() },
    })
    const result = await handler.logout(request)
    expect(result.status).toBe('ended')
    expect(result.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^centagate-session=; Path=\/; Max-Age=0; .*HttpOnly.*SameSite=Strict/),
    ])
    expect(upstream.count('logout')).toBe(1)
    expect(upstream.first('logout').fields).toMatchObject({ username: 'alice', authToken })
    expect(upstream.first('logout').code).toBe('0')
    expect(liveSessions(emulator)).toBe(before - 1)
    // The same cookie again (a second tab): CENTAGATE says the session no longer exists.
    expect((await handler.logout(request)).status).toBe('already_ended')
    // An adapter passes the URL and Cookie header instead of a Request.
    expect(
      (await handler.logout({ url: 'http://localhost:3000/x', cookie: browser.cookieHeader() }))
        .status,
    ).toBe('already_ended')
  })

  it('no or a tampered cookie: no_session with 0 upstream calls, and the cookie is still deleted', async () => {
    const { handler, browser, upstream } = await loginWithToken()
    const calls = upstream.count()
    expect((await handler.logout(new Request('http://localhost:3000/out'))).status).toBe(
      'no_session',
    )
    const value = browser.jar.get('centagate-session')!
    const tampered = `${value.slice(0, -2)}${value.endsWith('A') ? 'B' : 'A'}A`
    const result = await handler.logout({
      url: 'http://localhost:3000/out',
      cookie: `centagate-session=${tampered}`,
    })
    expect(result.status).toBe('no_session')
    expect(result.headers.getSetCookie()[0]).toMatch(/^centagate-session=;/)
    // A flow cookie (sealed with the same secrets) is not a session cookie.
    const other = createKitBrowser(handler)
    await other.post('login/start', { username: 'bob', password: 'bob-password' })
    const flow = other.jar.get('centagate-flow')!
    expect(
      (
        await handler.logout({
          url: 'http://localhost:3000/out',
          cookie: `centagate-session=${flow}`,
        })
      ).status,
    ).toBe('no_session')
    // bob's password and his method targets (user/auth/list); nothing for the logouts.
    const callsAfterStart = calls + 2
    expect(upstream.count()).toBe(callsAfterStart)
  })

  it('CENTAGATE down: failed, never a throw, and the cookie is deleted', async () => {
    const { handler, browser, device } = await loginWithToken()
    await device.fault({ endpoint: 'logout', kind: 'http_error' })
    const result = await handler.logout({
      url: 'http://localhost:3000/out',
      cookie: browser.cookieHeader(),
    })
    expect(result.status).toBe('failed')
    expect(result.headers.getSetCookie()[0]).toMatch(/Max-Age=0/)
  })

  it('on https the cookie is __Host- and Secure; a password-only login sets it too; step-up does not', async () => {
    const app = createTestApp()
    const browser = createKitBrowser(app.handler, { origin: 'https://bank.example' })
    // The admin completes on the password (no second factor).
    const done = await browser.post('login/start', {
      username: 'admin',
      password: 'admin-password',
    })
    expect(done.body).toMatchObject({ status: 'authenticated', method: 'password' })
    const line = done.headers.getSetCookie().find((l) => l.startsWith('__Host-centagate-session='))
    expect(line).toMatch(/Secure/)
    const result = await app.handler.logout({
      url: 'https://bank.example/logout',
      cookie: browser.cookieHeader(),
    })
    expect(result.status).toBe('ended')
    expect(result.headers.getSetCookie()[0]).toMatch(/^__Host-centagate-session=;.*Secure/)

    const stepUp = createKitBrowser(app.handler, { cookies: { 'app-session': 'bob' } })
    await stepUp.post('stepup/start', {})
    await stepUp.post('sms/send')
    const verified = await stepUp.post('sms/verify', {
      code: (await app.device.lastSms('bob')).code,
    })
    expect(verified.body).toMatchObject({ status: 'authenticated', flow: 'stepup' })
    expect(stepUp.jar.has('centagate-session')).toBe(false)
  })
})
