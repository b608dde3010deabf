// The user's own factors through the kit (issue 15): enrolling an authenticator (key once, first
// code verified, pending until then and removed when abandoned), the CENTAGATE app activation
// (QR only, passcode by SMS), listing and removing factors (fresh step-up, never the last one).
import * as OTPAuth from 'otpauth'
import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { createTestApp } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

/** What an authenticator app holding `key` shows at `time` (RFC 6238, 30 s, 6 digits). */
const generateTotp = ({ secret }: { secret: string }, time: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: time })

const asUser = (username: string) => ({ cookies: { 'app-session': username } })

async function smsStepUp(
  app: ReturnType<typeof createTestApp>,
  browser: ReturnType<typeof createKitBrowser>,
  username: string,
) {
  await browser.post('stepup/start', {})
  await browser.post('sms/send')
  const done = await browser.post('sms/verify', { code: (await app.device.lastSms(username)).code })
  expect(done.body).toMatchObject({ status: 'authenticated', flow: 'stepup' })
}

describe('authenticator enrolment', () => {
  it('a first factor: otpauth key once, wrong code refused, first code makes it a factor', async () => {
    let time = 1_700_000_000_000
    const app = createTestApp({ authenticator: { issuer: 'Demo Bank' } }, () => time)
    const browser = createKitBrowser(app.handler, asUser('carol'))
    const started = await browser.post('authenticator/start')
    expect(started.headers.get('cache-control')).toBe('no-store')
    const body = started.body as { otpauthUri: string; key: string; status: string }
    expect(body.status).toBe('pending')
    const uri = new URL(body.otpauthUri)
    expect(uri.protocol).toBe('otpauth:')
    expect(uri.host).toBe('totp')
    expect(decodeURIComponent(uri.pathname)).toBe('/Demo Bank:carol')
    expect(uri.searchParams.get('secret')).toBe(body.key)
    expect(uri.searchParams.get('issuer')).toBe('Demo Bank')
    // RFC 3986 encoding: authenticator apps do not read `+` as a space.
    expect(body.otpauthUri).toContain('issuer=Demo%20Bank')
    expect(body.otpauthUri).not.toContain('+')
    // Pending: listed as such, and not a factor (nothing blocks withdrawing it).
    const pending = await browser.post('factors/list')
    expect(pending.body).toMatchObject({ factors: [{ slot: 'token', status: 'pending' }] })
    expect((pending.body as { factors: object[] }).factors[0]).not.toHaveProperty('blockedBy')

    const right = generateTotp({ secret: body.key }, time)
    const wrong = right === '000000' ? '111111' : '000000'
    expect((await browser.post('authenticator/verify', { code: wrong })).body).toMatchObject({
      error: { code: 'otp_invalid' },
    })
    const verified = await browser.post('authenticator/verify', { code: right })
    expect(verified.body).toMatchObject({
      status: 'registered',
      kind: 'token',
      label: 'SOFT-carol',
    })
    // The key is never in an upstream log line of the kit nor answered again.
    expect(JSON.stringify(verified.body)).not.toContain(body.key)
    const listed = await browser.post('factors/list')
    expect(listed.body).toMatchObject({
      factors: [{ slot: 'token', status: 'active', blockedBy: 'last_factor' }],
    })
    // Once done, verify has nothing to verify.
    time += 30_000
    const again = await browser.post('authenticator/verify', {
      code: generateTotp({ secret: body.key }, time),
    })
    expect(again.body).toMatchObject({ error: { code: 'flow_step_invalid' } })
    // The last factor is never removed.
    expect((await browser.post('factors/remove', { slot: 'token' })).body).toMatchObject({
      error: { code: 'last_factor' },
    })
  })

  it('abandoned: after the first-code window the half-enrolled token is unregistered', async () => {
    let time = 1_700_000_000_000
    const app = createTestApp({ authenticator: { firstCodeSeconds: 120 } }, () => time)
    const browser = createKitBrowser(app.handler, asUser('carol'))
    const started = (await browser.post('authenticator/start')).body as { key: string }
    expect(app.emulator.state.users.carol?.softToken).toBeDefined()
    time += 121_000
    const verify = await browser.post('authenticator/verify', {
      code: generateTotp({ secret: started.key }, time),
    })
    expect(verify.body).toMatchObject({ error: { code: 'flow_step_invalid' } })
    expect((await browser.post('factors/list')).body).toMatchObject({ factors: [] })
    expect(app.emulator.state.users.carol?.softToken).toBeUndefined()
  })

  it('a pending authenticator is not a factor: another first factor needs no step-up', async () => {
    const app = createTestApp()
    const browser = createKitBrowser(app.handler, asUser('carol'))
    expect((await browser.post('authenticator/start')).body).toMatchObject({ status: 'pending' })
    const registered = await browser.post('tokens/register', {
      kind: 'sms',
      phoneNumber: '+60199998888',
    })
    expect(registered.body).toMatchObject({ status: 'registered', kind: 'sms' })
  })

  it('a user with factors needs a fresh step-up to add one', async () => {
    const app = createTestApp()
    const browser = createKitBrowser(app.handler, asUser('bob'))
    const refused = await browser.post('authenticator/start')
    expect(refused.status).toBe(401)
    expect(refused.body).toMatchObject({ error: { code: 'step_up_required' } })
    expect(app.emulator.state.users.bob?.softToken).toBeUndefined()
    await smsStepUp(app, browser, 'bob')
    expect((await browser.post('authenticator/start')).body).toMatchObject({ status: 'pending' })
  })
})

describe('factors list and removal', () => {
  it('lists masked labels; removing needs a step-up, which is used up', async () => {
    const app = createTestApp()
    const browser = createKitBrowser(app.handler, asUser('alice'))
    const listed = (await browser.post('factors/list')).body as {
      factors: { slot: string; kind: string; label: string; status: string }[]
    }
    expect(listed.factors.map((factor) => factor.slot).sort()).toEqual(['mobile', 'sms', 'token'])
    const sms = listed.factors.find((factor) => factor.slot === 'sms')
    expect(sms?.label).toMatch(/^•••• \d{4}$/)
    expect(JSON.stringify(listed)).not.toMatch(/\+\d{6}/)

    const refused = await browser.post('factors/remove', { slot: 'sms' })
    expect(refused.body).toMatchObject({ error: { code: 'step_up_required' } })
    expect(app.emulator.state.users.alice?.phone).toBeDefined()
    await smsStepUp(app, browser, 'alice')
    expect((await browser.post('factors/remove', { slot: 'sms' })).body).toMatchObject({
      status: 'removed',
      slot: 'sms',
    })
    expect(app.emulator.state.users.alice?.phone).toBeUndefined()
    // The step-up was used up by that change.
    expect((await browser.post('factors/remove', { slot: 'token' })).body).toMatchObject({
      error: { code: 'step_up_required' },
    })
  })

  it('without an app session: unauthenticated, never a username from the body', async () => {
    const app = createTestApp()
    const browser = createKitBrowser(app.handler)
    expect((await browser.post('factors/list', { username: 'alice' })).body).toMatchObject({
      error: { code: 'invalid_input' },
    })
    expect((await browser.post('factors/list')).body).toMatchObject({
      error: { code: 'unauthenticated' },
    })
  })
})

describe('CENTAGATE app activation', () => {
  it('answers the QR only (the passcode goes by SMS), then reports the activation', async () => {
    const app = createTestApp()
    const browser = createKitBrowser(app.handler, asUser('bob'))
    await smsStepUp(app, browser, 'bob')
    const started = await browser.post('app/activation/start')
    const body = started.body as { qr: string; status: string }
    expect(body.status).toBe('pending')
    const sms = await app.device.lastSms('bob')
    expect(JSON.stringify(started.body)).not.toContain(sms.code)
    expect((await browser.post('app/activation/status')).body).toMatchObject({ status: 'pending' })
    const activated = await app.device.activate(body.qr, sms.code)
    expect(activated.status).toBe(200)
    expect((await browser.post('app/activation/status')).body).toMatchObject({
      status: 'activated',
    })
    const listed = (await browser.post('factors/list')).body as { factors: { slot: string }[] }
    expect(listed.factors.map((factor) => factor.slot)).toContain('mobile')
  })
})
