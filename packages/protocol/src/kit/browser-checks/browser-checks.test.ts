// The browser's generated checks and the zod schemas the server validates with must agree, both
// derived from the same declarations. Compared on valid bodies of every route and on every
// single-field mutation of them (key removed, wrong type, out-of-range value, unknown key added):
// same verdict, the same normalised request, and request problems that name the top-level fields
// the server's `invalid_input` answer names. And the generated module must be up to date.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generatedFile, renderBrowserChecks } from '../../../scripts/browser-checks'
import { kitRouteDeclarations } from '../routes/kit-routes'
import type { KitRoute } from '../routes/kit-routes'
import { otpCode } from '../otp-code'
import { toZod } from '../schema/to-zod'
import { kitErrorBodyShape } from '../shapes/error-body'
import { checkKitRequest } from './check-request'
import { isKitErrorBody, isValidOtpCode, kitRouteChecks } from './generated'

type Route = KitRoute
const t = 1_700_000_000_000
const device = { userAgent: 'Mozilla/5.0', browserFp: 'a1b2c3' }
const transaction = {
  id: 'tx-1',
  summary: 'Transfer MYR 250.00 to Ali',
  fields: [{ name: 'amount', label: 'Amount', value: 'MYR 250.00' }],
}
const factorRequired = {
  status: 'factor_required',
  flow: 'stepup',
  methods: [{ method: 'qr' }, { method: 'sms', hint: '•••• 6789' }],
  transaction,
  flowExpiresAt: t,
  serverTime: t,
}
const authenticated = {
  status: 'authenticated',
  flow: 'stepup',
  method: 'qr',
  authTime: t,
  receipt: { expiresAt: t, transactionId: 'tx-1' },
  app: { redirect: '/accounts' },
  serverTime: t,
}
const flows = [
  factorRequired,
  authenticated,
  { status: 'authenticated', flow: 'login', method: 'password', authTime: t, serverTime: t },
]

const responses: Record<Route, unknown[]> = {
  'login/start': flows,
  'stepup/start': flows,
  'sms/send': [
    {
      status: 'sent',
      method: 'sms',
      maskedPhone: '•••• 6789',
      expiresAt: t,
      resendAvailableAt: t,
      sendsLeft: 4,
      attemptsLeft: 5,
      serverTime: t,
    },
  ],
  'sms/verify': flows,
  'challenge/send': [
    {
      status: 'sent',
      method: 'challenge',
      challenge: '47190352',
      expiresAt: t,
      attemptsLeft: 5,
      serverTime: t,
    },
  ],
  'challenge/verify': flows,
  'qr/send': [
    {
      status: 'sent',
      method: 'qr',
      qrValue: 'CGQR1:abc',
      manualCode: '12345678',
      transaction,
      expiresAt: t,
      pollAfterMs: 2000,
      attemptsLeft: 5,
      serverTime: t,
    },
  ],
  'qr/status': [
    { status: 'pending', expiresAt: t, pollAfterMs: 2000, serverTime: t },
    { status: 'rejected', serverTime: t },
    { status: 'expired', serverTime: t },
    ...flows,
  ],
  'qr/verify': flows,
  'push/send': [
    {
      status: 'sent',
      method: 'push',
      details: 'Sign in to Example Bank',
      expiresAt: t,
      pollAfterMs: 2000,
      serverTime: t,
    },
    {
      status: 'sent',
      method: 'push',
      details: 'Pay RM 1,250.00 to Acme',
      transaction,
      expiresAt: t,
      pollAfterMs: 2000,
      serverTime: t,
    },
  ],
  'push/status': [
    { status: 'pending', expiresAt: t, pollAfterMs: 2000, serverTime: t },
    { status: 'rejected', serverTime: t },
    { status: 'expired', serverTime: t },
    ...flows,
  ],
  'app-otp/start': [
    { status: 'sent', method: 'app_otp', expiresAt: t, attemptsLeft: 5, serverTime: t },
  ],
  'app-otp/verify': flows,
  'tokens/register': [
    { status: 'registered', kind: 'hardware', label: 'CR0000002', serverTime: t },
  ],
  'flow/cancel': [{ status: 'cancelled', serverTime: t }],
  'factors/list': [
    {
      factors: [
        { slot: 'sms', kind: 'sms', label: '•••• 6789', status: 'active' },
        { slot: 'token', kind: 'token', label: 'SOFT-carol', status: 'pending' },
        { slot: 'mobile', kind: 'app', label: '', status: 'active', blockedBy: 'last_factor' },
      ],
      serverTime: t,
    },
    { factors: [], serverTime: t },
  ],
  'factors/remove': [{ status: 'removed', slot: 'token', serverTime: t }],
  'authenticator/start': [
    {
      status: 'pending',
      otpauthUri: 'otpauth://totp/Demo%20Bank:carol?secret=JBSWY3DPEHPK3PXP&issuer=Demo%20Bank',
      key: 'JBSWY3DPEHPK3PXP',
      expiresAt: t,
      serverTime: t,
    },
  ],
  'authenticator/verify': [
    { status: 'registered', kind: 'token', label: 'SOFT-carol', serverTime: t },
  ],
  'app/activation/start': [{ status: 'pending', qr: 'CGACT1:abc', expiresAt: t, serverTime: t }],
  'app/activation/status': [
    { status: 'pending', serverTime: t },
    { status: 'activated', serverTime: t },
    { status: 'none', serverTime: t },
  ],
}

const requests: Record<Route, Record<string, unknown>[]> = {
  'login/start': [
    { username: 'alice', password: 'alice-password', device },
    { username: 'ālice.k@x', device },
  ],
  'stepup/start': [{ transactionId: 'tx-1', device }, { device }],
  'sms/send': [{ device }],
  'sms/verify': [{ code: '123456', device }],
  'challenge/send': [{ device }],
  'challenge/verify': [{ response: '12345678', device }],
  'qr/send': [{ device }],
  'qr/status': [{ device }],
  'qr/verify': [{ otp: '123456', device }],
  'push/send': [{ device }],
  'push/status': [{ device }],
  'app-otp/start': [{ device }],
  'app-otp/verify': [{ code: '123456', device }],
  'tokens/register': [
    { kind: 'sms', phoneNumber: '+60123456789', device },
    { kind: 'hardware', serial: 'CR0000002', device },
  ],
  'flow/cancel': [{ device }],
  'factors/list': [{ device }],
  'factors/remove': [
    { slot: 'sms', device },
    { slot: 'token', device },
    { slot: 'mobile', device },
  ],
  'authenticator/start': [{ device }],
  'authenticator/verify': [{ code: '123456', device }],
  'app/activation/start': [{ device }],
  'app/activation/status': [{ device }],
}

const badValues: unknown[] = [
  undefined,
  null,
  '',
  'x'.repeat(3000),
  -1,
  1.5,
  2 ** 60,
  true,
  [],
  {},
  'nope',
  // exercise the normalisers: trimmed, upper-cased, then checked
  '  ab12cd34  ',
  ' 12345678 ',
]

/** Every body obtained by changing one field (recursively, for nested objects) of `body`. */
function* mutations(body: unknown): Generator<unknown> {
  if (Array.isArray(body)) {
    yield []
    for (const [index, item] of body.entries()) {
      for (const mutated of mutations(item))
        yield body.map((entry, i) => (i === index ? mutated : entry))
    }
    return
  }
  if (typeof body !== 'object' || body === null) {
    yield* badValues
    return
  }
  const record = body as Record<string, unknown>
  yield { ...record, unexpected: 'x' }
  for (const key of Object.keys(record)) {
    const { [key]: _removed, ...rest } = record
    yield rest
    for (const mutated of mutations(record[key])) yield { ...record, [key]: mutated }
  }
}

const declarationOf = (route: Route) => kitRouteDeclarations.find((d) => d.path === route)!
const checksOf = (route: Route) => kitRouteChecks.find((c) => c.path === route)!

/** The top-level field names the server's `invalid_input` answer names for zod issues. */
function zodFields(
  issues: ReadonlyArray<{ code: string; path: readonly PropertyKey[]; keys?: readonly string[] }>,
): string[] {
  return [
    ...new Set(
      issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys' && issue.path.length === 0 && issue.keys !== undefined
          ? issue.keys
          : [issue.path.length === 0 ? '(body)' : String(issue.path[0])],
      ),
    ),
  ].sort()
}

describe('the browser checks and the zod schemas agree', () => {
  it.each(Object.keys(responses) as Route[])('%s responses', (route) => {
    const zod = toZod(declarationOf(route).response)
    const check = checksOf(route).response
    let compared = 0
    for (const body of responses[route]) {
      expect(zod.safeParse(body).success).toBe(true)
      expect(check(body)).toBe(true)
      for (const mutated of mutations(body)) {
        expect(check(mutated), JSON.stringify(mutated)).toBe(zod.safeParse(mutated).success)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(10)
  })

  it.each(Object.keys(requests) as Route[])('%s requests', (route) => {
    const zod = toZod(declarationOf(route).request)
    const checks = checksOf(route)
    for (const body of requests[route]) {
      expect(zod.safeParse(body).success).toBe(true)
      expect(checkKitRequest(checks, body).problems).toEqual([])
      for (const mutated of mutations(body)) {
        const label = JSON.stringify(mutated)
        const server = zod.safeParse(mutated)
        const browser = checkKitRequest(checks, mutated)
        expect(browser.problems.length === 0, label).toBe(server.success)
        if (server.success) expect(browser.value, label).toEqual(server.data)
        else
          expect([...new Set(browser.problems)].sort(), label).toEqual(
            zodFields(server.error.issues),
          )
      }
    }
  })

  it('error bodies', () => {
    const zod = toZod(kitErrorBodyShape)
    const body = {
      error: {
        code: 'otp_invalid',
        messageKey: 'centagate.invalid_sms_otp',
        returnCode: '23008',
        attemptsLeft: 3,
        retryAt: t,
        lockedUntil: t,
        fields: ['code'],
        transactionId: 'tx-1',
        maxAgeSeconds: 300,
      },
      requestId: 'r1',
      serverTime: t,
    }
    expect(isKitErrorBody(body)).toBe(true)
    for (const mutated of mutations(body)) {
      expect(isKitErrorBody(mutated), JSON.stringify(mutated)).toBe(zod.safeParse(mutated).success)
    }
  })

  it('one-time codes', () => {
    const zod = toZod(otpCode)
    for (const code of [
      '1234',
      '123456',
      '1234567890',
      '123',
      '12345678901',
      '12a456',
      '12 34',
      '１２３４５６',
      '',
    ])
      expect(isValidOtpCode(code), code).toBe(zod.safeParse(code).success)
  })

  it('cover every route, in the order of the declarations', () => {
    const routes = kitRouteDeclarations.map((d) => d.path)
    expect(kitRouteChecks.map((c) => c.path)).toEqual(routes)
    expect(Object.keys(requests).sort()).toEqual([...routes].sort())
    expect(Object.keys(responses).sort()).toEqual([...routes].sort())
  })
})

describe('the browser checks', () => {
  const checks = checksOf('sms/verify')

  it('name the offending request fields, never values', () => {
    expect(checkKitRequest(checks, { code: '12ab', device, hmac: 'x' }).problems).toEqual([
      'hmac',
      'code',
    ])
    expect(checkKitRequest(checks, 'nope').problems).toEqual(['(body)'])
  })

  it('apply the declared normalisers', () => {
    expect(
      checkKitRequest(checksOf('tokens/register'), {
        kind: 'hardware',
        serial: ' cr0000002 ',
        device,
      }),
    ).toEqual({ value: { kind: 'hardware', serial: 'CR0000002', device }, problems: [] })
    expect(checkKitRequest(checksOf('login/start'), { username: ' alice ', device }).value).toEqual(
      {
        username: 'alice',
        device,
      },
    )
  })

  it('are generated from the current declarations (run `pnpm --filter @centagate-kit/protocol generate`)', async () => {
    expect(readFileSync(generatedFile, 'utf8')).toBe(await renderBrowserChecks())
  })
})
