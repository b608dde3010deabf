// A route answers only the kit error codes its declaration (protocol) lists: a walk through the
// failure answers of every route (no flow, wrong step, wrong and expired codes, lockouts,
// enrolment refused, CENTAGATE return codes) against the emulator checks each one, and the
// handler logs no undeclared code it answers. (The route table itself:
// src/handler/kit-route-table.test.ts.)
import {
  type EndpointName,
  type KitErrorCode,
  type KitRoute,
  endpoints,
  everyRouteErrors,
  kitRouteDeclarations,
} from '@centagate-kit/protocol'
import type { LogFields, Logger } from '@centagate-kit/server'
import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { type TestAppOverrides, createTestApp } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

/** Whether the protocol declares that `route` may answer `code`. */
const declared = (route: KitRoute, code: KitErrorCode) =>
  (everyRouteErrors as readonly KitErrorCode[]).includes(code) ||
  (kitRouteDeclarations.find((declaration) => declaration.path === route)?.errors ?? []).some(
    (error) => error === code,
  )

const session = { cookies: { 'app-session': 'alice' } }
const upstreamEndpoints = Object.keys(endpoints) as EndpointName[]
const validBodies: Record<KitRoute, Record<string, unknown>> = {
  'login/start': { username: 'alice', password: 'alice-password' },
  'stepup/start': { transactionId: 'tx-1' },
  'sms/send': {},
  'sms/verify': { code: '000000' },
  'challenge/send': {},
  'challenge/verify': { response: '000000' },
  'qr/send': {},
  'qr/status': {},
  'qr/verify': { otp: '000000' },
  'push/send': {},
  'push/status': {},
  'app-otp/start': {},
  'app-otp/verify': { code: '000000' },
  'tokens/register': { kind: 'hardware', serial: 'CR0000009' },
  'flow/cancel': {},
  'factors/list': {},
  'factors/remove': { slot: 'token' },
  'authenticator/start': {},
  'authenticator/verify': { code: '000000' },
  'app/activation/start': {},
  'app/activation/status': {},
}

/** A test app whose answers are all recorded, with the handler's error log lines. */
function recordingApp(overrides: TestAppOverrides = {}, now?: () => number) {
  const errors: { message: string; fields: LogFields | undefined }[] = []
  const logger: Logger = {
    debug() {},
    info() {},
    warn() {},
    error: (message, fields) => errors.push({ message, fields }),
  }
  const app = createTestApp({ logger, ...overrides }, now)
  const answered: { route: KitRoute; code: KitErrorCode }[] = []
  const browser = (options: Parameters<typeof createKitBrowser>[1] = {}) => {
    const inner = createKitBrowser(app.handler, options)
    return {
      ...inner,
      async post(route: KitRoute, body: Record<string, unknown> = validBodies[route]) {
        const answer = await inner.post(route, body)
        const error = (answer.body as { error?: { code: KitErrorCode } }).error
        if (error !== undefined) answered.push({ route, code: error.code })
        return answer
      },
    }
  }
  return { ...app, browser, answered, errors }
}

/** Every error the app answered is declared by its route, and the handler logged no breach. */
function expectOnlyDeclared(app: ReturnType<typeof recordingApp>, atLeast: number) {
  expect(app.answered.length).toBeGreaterThanOrEqual(atLeast)
  expect(app.answered.filter(({ route, code }) => !declared(route, code))).toEqual([])
  expect(app.errors.filter((line) => line.message.includes('undeclared'))).toEqual([])
}

describe('every route answers only the error codes it declares', () => {
  it('without a flow or a session', async () => {
    const app = recordingApp()
    for (const route of kitRouteDeclarations) await app.browser().post(route.path)
    for (const route of kitRouteDeclarations) await app.browser(session).post(route.path)
    await app.browser().post('login/start', { username: 'alice', password: 'wrong' })
    await app.browser().post('login/start', { username: 'carol', password: 'carol-password' })
    await app.browser().post('login/start', { username: 'alice' })
    await app.browser(session).post('stepup/start', { transactionId: 'tx-unknown' })
    expectOnlyDeclared(app, 15)
  })

  it('through wrong steps, wrong and expired codes, resends and lockouts', async () => {
    let time = 1_700_000_000_000
    const app = recordingApp({}, () => time)
    const browser = app.browser()
    await browser.post('login/start')
    await browser.post('sms/verify')
    await browser.post('qr/status')
    await browser.post('sms/send')
    await browser.post('sms/send')
    for (let attempt = 0; attempt < 6; attempt++) await browser.post('sms/verify')
    await browser.post('challenge/send')
    // The SMS code is the wrong answer to a challenge.
    await browser.post('challenge/verify', { response: (await app.device.lastSms('alice')).code })
    await browser.post('qr/send')
    await browser.post('qr/verify')
    time += 900_000
    await browser.post('qr/verify')
    await browser.post('qr/status')
    // The push and the app code: wrong step, wrong codes, an expired window.
    await browser.post('push/status')
    await browser.post('app-otp/verify')
    await browser.post('push/send')
    await browser.post('push/status')
    await browser.post('app-otp/start')
    for (let attempt = 0; attempt < 6; attempt++) await browser.post('app-otp/verify')
    time += 900_000
    await browser.post('push/status')
    // A flow kept for enrolment refuses the factor routes.
    const carol = app.browser()
    await carol.post('login/start', { username: 'carol', password: 'carol-password' })
    await carol.post('sms/send')
    // A method the user does not have.
    const bob = app.browser()
    await bob.post('login/start', { username: 'bob', password: 'bob-password' })
    await bob.post('challenge/send')
    // Lockout of the user after repeated failures.
    for (let attempt = 0; attempt < 12; attempt++) {
      await app.browser().post('login/start', { username: 'bob', password: 'wrong' })
    }
    expect(app.answered.map((answer) => answer.code)).toEqual(
      expect.arrayContaining([
        'otp_invalid',
        'rate_limited',
        'flow_step_invalid',
        'method_unavailable',
        'locked',
      ]),
    )
    expectOnlyDeclared(app, 20)
  })

  it('when enrolment is refused', async () => {
    const app = recordingApp({ admin: undefined })
    await app.browser(session).post('tokens/register')
    await app.browser().post('tokens/register')
    const refusing = recordingApp({ authorizeEnrolment: () => Promise.resolve(false) })
    await refusing.browser(session).post('tokens/register')
    expectOnlyDeclared(app, 2)
    expectOnlyDeclared(refusing, 1)
  })

  it.each(['23008', '23009', '10001', '21001', '23023', '99999'])(
    'when CENTAGATE answers return code %s',
    async (code) => {
      const app = recordingApp()
      for (const endpoint of upstreamEndpoints) {
        if (endpoint !== 'authBasic' && endpoint !== 'adaptive')
          await app.device.fault({ endpoint, kind: 'return_code', returnCode: code })
      }
      const browser = app.browser()
      await browser.post('login/start')
      for (const route of ['sms/send', 'challenge/send', 'qr/send', 'push/send'] as const) {
        await browser.post(route)
      }
      await app.browser(session).post('tokens/register')
      const failing = recordingApp()
      await failing.device.fault({ endpoint: '*', kind: 'return_code', returnCode: code })
      await failing.browser().post('login/start')
      await failing.browser(session).post('stepup/start')
      expectOnlyDeclared(app, 4)
      expectOnlyDeclared(failing, 2)
    },
  )
})
