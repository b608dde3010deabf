// Threats to the user's own factors (issue 15):
// - the authenticator's provisioning key leaking: it must reach the user's browser once (the
//   `authenticator/start` answer, `no-store`) and nothing else: no log line, no audit event, no
//   app callback (`onFactorChanged`), no other answer;
// - the CENTAGATE app's activation passcode next to its QR (it is the second channel: SMS only);
// - a session rider acting on another user's factors: the user is the app session's, a username
//   in the body is refused;
// - a stolen session removing a factor, or a user locking themself out: removal needs a fresh
//   step-up and never takes the last factor.
import type { LogFields, Logger } from '@centagate-kit/server'
import * as OTPAuth from 'otpauth'
import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { createTestApp } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

/** What an authenticator app holding `key` shows at `time` (RFC 6238, 30 s, 6 digits). */
const generateTotp = ({ secret }: { secret: string }, time: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: time })

function recordingApp(time: () => number) {
  const lines: string[] = []
  const record = (message: string, fields?: LogFields) =>
    lines.push(JSON.stringify({ message, fields }))
  const logger: Logger = { debug: record, info: record, warn: record, error: record }
  const events: string[] = []
  const app = createTestApp(
    {
      logger,
      onAuditEvent: (event) => void events.push(JSON.stringify(event)),
      onFactorChanged: (event) => void events.push(JSON.stringify({ ...event, request: null })),
    },
    time,
  )
  return { ...app, lines, events }
}

describe('factor management threats', () => {
  it('the authenticator key reaches the browser once, and no log, audit event or callback', async () => {
    const time = 1_700_000_000_000
    const app = recordingApp(() => time)
    const browser = createKitBrowser(app.handler, { cookies: { 'app-session': 'carol' } })
    const started = await browser.post<{ key: string }>('authenticator/start')
    const { key } = started.body
    expect(key).toMatch(/^[A-Z2-7]{16,}$/)
    expect(started.headers.get('cache-control')).toBe('no-store')
    const others = [
      await browser.post('authenticator/verify', { code: '000000' }),
      await browser.post('factors/list'),
      await browser.post('authenticator/verify', { code: generateTotp({ secret: key }, time) }),
      await browser.post('factors/list'),
    ]
    expect(others.map((answer) => JSON.stringify(answer.body)).join()).not.toContain(key)
    // Audit events and callbacks are delivered off the answer's path.
    await expect.poll(() => app.events.some((event) => event.includes('factor_changed'))).toBe(true)
    expect(app.events.join()).not.toContain(key)
    expect(app.lines.length).toBeGreaterThan(0)
    expect(app.lines.join()).not.toContain(key)
  })

  it('the activation passcode never travels with the QR', async () => {
    const app = recordingApp(() => 1_700_000_000_000)
    const browser = createKitBrowser(app.handler, { cookies: { 'app-session': 'bob' } })
    await browser.post('stepup/start', {})
    await browser.post('sms/send')
    await browser.post('sms/verify', { code: (await app.device.lastSms('bob')).code })
    const started = await browser.post('app/activation/start')
    expect(started.body).toMatchObject({ status: 'pending' })
    const passcode = (await app.device.lastSms('bob')).code
    expect(JSON.stringify(started.body)).not.toContain(passcode)
    expect(JSON.stringify((await browser.post('app/activation/status')).body)).not.toContain(
      passcode,
    )
    expect(app.lines.join()).not.toContain(passcode)
  })

  it("another user's factors are out of reach: a username in the body is refused", async () => {
    const app = recordingApp(() => 1_700_000_000_000)
    const browser = createKitBrowser(app.handler, { cookies: { 'app-session': 'bob' } })
    for (const [route, body] of [
      ['factors/list', { username: 'alice' }],
      ['factors/remove', { slot: 'sms', username: 'alice' }],
      ['authenticator/start', { username: 'alice' }],
      ['app/activation/start', { username: 'alice' }],
    ] as const) {
      const answer = await browser.post(route, body)
      expect(answer.body, route).toMatchObject({ error: { code: 'invalid_input' } })
    }
    expect(app.emulator.state.users.alice?.phone).toBeDefined()
  })

  it('a session alone removes nothing, and even after a step-up the last factor stays', async () => {
    const app = recordingApp(() => 1_700_000_000_000)
    const browser = createKitBrowser(app.handler, { cookies: { 'app-session': 'bob' } })
    expect((await browser.post('factors/remove', { slot: 'sms' })).body).toMatchObject({
      error: { code: 'last_factor' },
    })
    await browser.post('stepup/start', {})
    await browser.post('sms/send')
    await browser.post('sms/verify', { code: (await app.device.lastSms('bob')).code })
    const refused = await browser.post('factors/remove', { slot: 'sms' })
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ error: { code: 'last_factor' } })
    expect(app.emulator.state.users.bob?.phone).toBeDefined()
    const alice = createKitBrowser(app.handler, { cookies: { 'app-session': 'alice' } })
    const noStepUp = await alice.post('factors/remove', { slot: 'token' })
    expect(noStepUp.status).toBe(401)
    expect(noStepUp.body).toMatchObject({ error: { code: 'step_up_required' } })
    await expect
      .poll(() => app.events.some((event) => event.includes('factor_change_refused')))
      .toBe(true)
  })
})
