// Threat: secret leakage to the browser (anchors-security E). The secret key, integration key,
// HMACs, authTokens and secretCodes are canaries that must appear in no browser-visible body or
// header, across every route and method, success and failure alike, and never in logs.
import type { LogFields, Logger } from '@centagate-kit/server'
import { type KitAnswer, createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { createTestApp, testSecrets } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

describe('canaries never reach the browser or the logs', () => {
  it('across login, step-up, every method, enrolment and errors', async () => {
    const lines: string[] = []
    const record = (message: string, fields?: LogFields) =>
      lines.push(JSON.stringify({ message, fields }))
    const logger: Logger = { debug: record, info: record, warn: record, error: record }
    let time = 1_700_000_000_000
    const { handler, upstream, device, admin } = createTestApp({ logger }, () => time)
    const answers: KitAnswer[] = []
    const keep = async (promise: Promise<KitAnswer>) => answers.push(await promise)

    const login = createKitBrowser(handler)
    await keep(login.post('login/start', { username: 'alice', password: 'alice-password' }))
    await keep(login.post('sms/send'))
    await keep(login.post('sms/verify', { code: '000000' }))
    await keep(login.post('sms/verify', { code: (await device.lastSms('alice')).code }))
    const cr = createKitBrowser(handler)
    await keep(cr.post('login/start', { username: 'alice', password: 'alice-password' }))
    const challenge = await cr.post<{ challenge: string }>('challenge/send')
    answers.push(challenge as KitAnswer)
    const response = await device.respond('CR0000001', challenge.body.challenge)
    await keep(cr.post('challenge/verify', { response }))
    const qr = createKitBrowser(handler)
    await keep(qr.post('login/start', { username: 'alice', password: 'alice-password' }))
    await keep(qr.post('qr/send'))
    await keep(qr.post('qr/status'))
    await device.decide('alice', 'approve')
    time += 2_000
    await keep(qr.post('qr/status'))
    const stepUp = createKitBrowser(handler, { cookies: { 'app-session': 'alice' } })
    await keep(stepUp.post('stepup/start', { transactionId: 'tx-1' }))
    const signing = await stepUp.post<{ qrValue: string }>('qr/send')
    answers.push(signing as KitAnswer)
    await keep(stepUp.post('qr/verify', { otp: (await device.scan(signing.body.qrValue)).otp }))
    await keep(stepUp.post('tokens/register', { kind: 'hardware', serial: 'cr0000009' }))
    await keep(stepUp.post('login/start', { username: 'alice', password: 'wrong' }))
    await device.fault({ endpoint: 'authBasic', kind: 'clock_skew', count: 1 })
    await keep(stepUp.post('login/start', { username: 'alice', password: 'alice-password' }))

    // Everything secret that crossed the wire to CENTAGATE or came back from it.
    const secretOf = (value: unknown) => (typeof value === 'string' ? value : '')
    const issuedTokens = upstream.calls
      .flatMap((call) => [
        call.fields.authToken ?? '',
        call.fields.hmac ?? '',
        call.fields.cenToken ?? '',
        secretOf(call.object.authToken),
        secretOf(call.object.secretCode),
      ])
      .filter((value) => value.length > 8)
    // The users' and the admin's secretCodes are among them (else this check would prove little).
    const secretCodes = upstream.calls.map((call) => secretOf(call.object.secretCode))
    expect(secretCodes.filter((code) => code.length > 8).length).toBeGreaterThanOrEqual(2)
    const canaries = [
      testSecrets.secretKey,
      testSecrets.integrationKey,
      testSecrets.cookieSecret,
      admin!.password,
      '+60123456789',
      ...issuedTokens,
    ]
    expect(issuedTokens.length).toBeGreaterThan(10)
    const visible = answers
      .map(
        (answer) =>
          answer.raw +
          JSON.stringify([...answer.headers].filter(([name]) => name !== 'set-cookie')),
      )
      .join('\n')
    for (const canary of canaries) {
      expect(visible).not.toContain(canary)
      expect(lines.join('\n')).not.toContain(canary)
    }
    for (const field of [
      '"hmac"',
      '"authToken"',
      '"secretCode"',
      '"integrationKey"',
      '"cenToken"',
      '"object"',
    ]) {
      expect(visible).not.toContain(field)
    }
    // Cookies are sealed: even their values contain no canary in clear.
    const cookies = answers.flatMap((answer) => answer.headers.getSetCookie()).join('\n')
    for (const canary of canaries) expect(cookies).not.toContain(canary)
    expect(answers.every((answer) => !/at |\.ts:|node_modules/.test(answer.raw))).toBe(true)
  })

  it('a thrown hook error yields a generic 500 body without stack or message', async () => {
    const { handler } = createTestApp({
      identify: () => Promise.reject(new Error('db password=hunter2 at /srv/app.ts:12')),
    })
    const answer = await createKitBrowser(handler).post('stepup/start', {})
    expect(answer.status).toBe(500)
    expect(answer.raw).not.toContain('hunter2')
    expect(answer.raw).not.toContain('app.ts')
    expect(answer.body).toMatchObject({ error: { code: 'internal_error' } })
  })
})
