// Each offered method's target in the method choice (issue 16): the masked SMS phone, the
// hardware token's last four, the app's device name. Learnt with the admin user/auth/list only
// once the password is checked (or for a step-up); a failure costs the hint, never the login.
import type { AuditEvent, Logger } from '@centagate-kit/server'
import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { createTestApp } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'
import { maskTokenSerial, targetsFromAuthList } from '../../src/handler/method-targets'

const aliceTargets = [
  { method: 'qr', hint: "Alice's phone" },
  { method: 'challenge', hint: '•••• 0001' },
  { method: 'push', hint: "Alice's phone" },
  { method: 'app_otp' },
  { method: 'sms', hint: '•••• 6789' },
]

/** Everything the kit logs and audits, as one text to search. */
function recording() {
  const lines: string[] = []
  const write = (level: string) => (message: string, fields?: unknown) => {
    lines.push(JSON.stringify({ level, message, fields }))
  }
  const logger: Logger = {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  }
  const onAuditEvent = (event: AuditEvent) => {
    lines.push(JSON.stringify(event))
  }
  return { lines, logger, onAuditEvent }
}

// Alice's phone +60123456789 and token CR0000001 (fixtures), and their masked forms.
const userData = ['123456789', 'CR0000001', '6789', '0001']

describe('method targets (in-process CENTAGATE emulator)', () => {
  it('after the password: every method names its target, learnt with one user/auth/list', async () => {
    const recorded = recording()
    const { handler, upstream } = createTestApp({
      logger: recorded.logger,
      onAuditEvent: recorded.onAuditEvent,
    })
    const start = await createKitBrowser(handler).post('login/start', {
      username: 'alice',
      password: 'alice-password',
    })
    expect(start.body).toMatchObject({ status: 'factor_required', methods: aliceTargets })
    expect(upstream.count('userAuthList')).toBe(1)
    expect(upstream.first('userAuthList').fields).toMatchObject({ username: 'alice' })
    // Neither the full number nor the serial reaches the browser; nothing of them is logged.
    expect(start.raw).not.toContain('CR0000001')
    expect(start.raw).not.toContain('123456789')
    expect(recorded.lines.length).toBeGreaterThan(0)
    for (const text of userData) expect(recorded.lines.join('\n')).not.toContain(text)
  })

  it('a step-up names the targets too', async () => {
    const { handler } = createTestApp()
    const browser = createKitBrowser(handler, { cookies: { 'app-session': 'alice' } })
    const start = await browser.post('stepup/start', {})
    expect(start.body).toMatchObject({ status: 'factor_required', methods: aliceTargets })
  })

  it('a wrong password: the same answer and the same single upstream call as an unknown user', async () => {
    const { handler, upstream } = createTestApp()
    const browser = createKitBrowser(handler)
    const wrong = await browser.post('login/start', { username: 'alice', password: 'nope' })
    const unknown = await browser.post('login/start', { username: 'mallory', password: 'nope' })
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: '', serverTime: 0 })
    expect(strip(wrong.body)).toEqual(strip(unknown.body))
    expect(wrong.body).toMatchObject({ error: { code: 'invalid_credentials' } })
    // Only the two password checks: no admin login, no user/auth/list.
    expect(upstream.calls.map((call) => call.endpoint)).toEqual(['authBasic', 'authBasic'])
    expect(upstream.calls.map((call) => call.fields.username)).toEqual(['alice', 'mallory'])
  })

  it('passwordless start (anyone may type a username): no targets, no user/auth/list', async () => {
    const { handler, upstream } = createTestApp({ allowPasswordlessLogin: true })
    const start = await createKitBrowser(handler).post('login/start', { username: 'alice' })
    expect(start.body).toMatchObject({ status: 'factor_required' })
    expect(start.body.methods).toEqual([
      { method: 'qr' },
      { method: 'challenge' },
      { method: 'push' },
      { method: 'app_otp' },
      { method: 'sms' },
    ])
    expect(upstream.count('userAuthList')).toBe(0)
  })

  it('methodTargets: false, or no admin account: no user/auth/list, the app device name stays', async () => {
    for (const overrides of [{ methodTargets: false }, { admin: undefined }]) {
      const { handler, upstream } = createTestApp(overrides)
      const start = await createKitBrowser(handler).post('login/start', {
        username: 'alice',
        password: 'alice-password',
      })
      expect(start.body.methods).toEqual([
        { method: 'qr', hint: "Alice's phone" },
        { method: 'challenge' },
        { method: 'push', hint: "Alice's phone" },
        { method: 'app_otp' },
        { method: 'sms' },
      ])
      expect(upstream.count('userAuthList')).toBe(0)
      expect(upstream.count('authBasic')).toBe(1)
    }
  })

  for (const fault of [
    { kind: 'http_error', status: 503 },
    { kind: 'return_code', returnCode: '10002' },
    { kind: 'hang' },
  ] as const) {
    it(`user/auth/list fails (${fault.kind}): the login goes on without targets, logged without user data`, async () => {
      const recorded = recording()
      const { handler, device, emulator } = createTestApp({ logger: recorded.logger })
      try {
        await device.fault({ endpoint: 'userAuthList', count: 1, ...fault })
        const browser = createKitBrowser(handler)
        const start = await browser.post('login/start', {
          username: 'alice',
          password: 'alice-password',
        })
        expect(start.status).toBe(200)
        expect(start.body.methods).toEqual([
          { method: 'qr', hint: "Alice's phone" },
          { method: 'challenge' },
          { method: 'push', hint: "Alice's phone" },
          { method: 'app_otp' },
          { method: 'sms' },
        ])
        const warnings = recorded.lines.filter((line) => line.includes('method targets'))
        expect(warnings).toHaveLength(1)
        for (const text of [...userData, 'alice']) expect(warnings[0]).not.toContain(text)
        // The flow works: the SMS factor completes the login.
        await browser.post('sms/send')
        const done = await browser.post('sms/verify', {
          code: (await device.lastSms('alice')).code,
        })
        expect(done.body).toMatchObject({ status: 'authenticated', method: 'sms' })
      } finally {
        emulator.close()
      }
    })
  }
})

describe('targets from user/auth/list', () => {
  const list = (tokenList: { sn: string; type: string; status?: string }[]) => ({
    tokenList,
    certList: [],
    device: null,
  })

  it('masks the phone and the serial', () => {
    expect(
      targetsFromAuthList(
        list([
          { sn: '+60123454567', type: '1', status: '2' },
          { sn: 'CR0000042', type: '2', status: '2' },
        ]),
      ),
    ).toEqual({ sms: '•••• 4567', challenge: '•••• 0042' })
  })

  it('gives no target it would have to guess: several OTP tokens, tokens not valid, odd serials', () => {
    expect(
      targetsFromAuthList(
        list([
          { sn: 'CR0000042', type: '2', status: '2' },
          { sn: 'SOFT-alice', type: '2', status: '2' },
        ]),
      ),
    ).toEqual({})
    expect(
      targetsFromAuthList(
        list([
          { sn: '+60123454567', type: '1', status: '4' },
          { sn: 'CR0000042', type: '2', status: '1' },
        ]),
      ),
    ).toEqual({})
    expect(maskTokenSerial('CR\u202e0000042')).toBeUndefined()
    expect(maskTokenSerial('CR01')).toBeUndefined()
  })
})
