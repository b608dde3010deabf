// The two interpreters of the route declarations must agree: the browser's dependency-free
// `check.ts` and the zod schemas the server validates with (`to-zod.ts`). Compared on valid bodies
// of every route and on every single-field mutation of them (key removed, wrong type,
// out-of-range value, unknown key added): same verdict, same normalised value, and the same
// offending field paths as the server's `invalid_input` answer names.
import { describe, expect, it } from 'vitest'
import { kitRouteDeclarations } from '../routes/kit-routes'
import type { KitRoute } from '../routes/kit-routes'
import { kitErrorBodyShape } from '../shapes/error-body'
import { conforms, normalizeAndCheck } from './check'
import type { Schema } from './descriptors'
import { toZod } from './to-zod'

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
  'tokens/register': [
    { status: 'registered', kind: 'hardware', label: 'CR0000002', serverTime: t },
  ],
  'flow/cancel': [{ status: 'cancelled', serverTime: t }],
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
  'tokens/register': [
    { kind: 'sms', phoneNumber: '+60123456789', device },
    { kind: 'hardware', serial: 'CR0000002', device },
  ],
  'flow/cancel': [{ device }],
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

/** The field paths the server's `invalid_input` answer names for zod issues (handler's rule). */
function zodFields(
  issues: ReadonlyArray<{ code: string; path: readonly PropertyKey[]; keys?: readonly string[] }>,
): string[] {
  return [
    ...new Set(
      issues.flatMap((issue) => {
        const path = issue.path.map(String)
        const names =
          issue.code === 'unrecognized_keys' && issue.keys !== undefined
            ? issue.keys.map((key) => [...path, key])
            : [path]
        return names.map((name) => name.join('.') || '(body)')
      }),
    ),
  ].sort()
}

/** Both interpreters on one value: verdicts, normalised values and field paths must agree. */
function expectAgreement(schema: Schema, value: unknown) {
  const label = JSON.stringify(value)
  const zod = toZod(schema).safeParse(value)
  const browser = normalizeAndCheck(schema, value)
  expect(browser.problems.length === 0, label).toBe(zod.success)
  expect(conforms(schema, value), label).toBe(zod.success)
  if (zod.success) expect(browser.value, label).toEqual(zod.data)
  else expect([...new Set(browser.problems)].sort(), label).toEqual(zodFields(zod.error.issues))
}

describe('the browser checks and the zod schemas agree', () => {
  it.each(Object.keys(responses) as Route[])('%s responses', (route) => {
    const { response } = declarationOf(route)
    let compared = 0
    for (const body of responses[route]) {
      expect(toZod(response).safeParse(body).success).toBe(true)
      expect(conforms(response, body)).toBe(true)
      for (const mutated of mutations(body)) {
        expectAgreement(response, mutated)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(10)
  })

  it.each(Object.keys(requests) as Route[])('%s requests', (route) => {
    const { request } = declarationOf(route)
    for (const body of requests[route]) {
      expect(toZod(request).safeParse(body).success).toBe(true)
      expect(normalizeAndCheck(request, body).problems).toEqual([])
      for (const mutated of mutations(body)) expectAgreement(request, mutated)
    }
  })

  it('error bodies', () => {
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
    expect(conforms(kitErrorBodyShape, body)).toBe(true)
    for (const mutated of mutations(body)) expectAgreement(kitErrorBodyShape, mutated)
  })

  it('every route has sample bodies here', () => {
    const routes = kitRouteDeclarations.map((d) => d.path).sort()
    expect(Object.keys(requests).sort()).toEqual(routes)
    expect(Object.keys(responses).sort()).toEqual(routes)
  })
})

describe('the browser checks', () => {
  const { request } = declarationOf('sms/verify')

  it('name the offending request fields, never values', () => {
    expect(normalizeAndCheck(request, { code: '12ab', device, hmac: 'x' }).problems).toEqual([
      'hmac',
      'code',
    ])
    expect(
      normalizeAndCheck(request, { code: '1234', device: { ...device, browserFp: '<b>' } })
        .problems,
    ).toEqual(['device.browserFp'])
    expect(normalizeAndCheck(request, 'nope').problems).toEqual(['(body)'])
  })

  it('apply the declared normalisers', () => {
    const { request: register } = declarationOf('tokens/register')
    expect(
      normalizeAndCheck(register, { kind: 'hardware', serial: ' cr0000002 ', device }),
    ).toEqual({ value: { kind: 'hardware', serial: 'CR0000002', device }, problems: [] })
    const { request: login } = declarationOf('login/start')
    expect(normalizeAndCheck(login, { username: ' alice ', device }).value).toEqual({
      username: 'alice',
      device,
    })
  })
})
