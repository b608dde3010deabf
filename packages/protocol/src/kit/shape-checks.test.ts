// The browser's dependency-free shape checks must give the same verdict as the zod schemas (the
// source of truth): on valid bodies of every route and on every single-field mutation of them
// (key removed, wrong type, out-of-range value, unknown key added).
import { describe, expect, it } from 'vitest'
import { kitRouteSchemas, kitErrorBody } from './schemas'
import {
  isKitErrorBody,
  isKitResponse,
  kitRequestProblems,
  normalizeKitRequest,
} from './shape-checks'

type Route = keyof typeof kitRouteSchemas
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

const badValues: unknown[] = [undefined, null, '', 'x'.repeat(3000), -1, 1.5, true, [], {}, 'nope']

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

describe('shape checks agree with the zod schemas', () => {
  it.each(Object.keys(responses) as Route[])('%s responses', (route) => {
    let compared = 0
    for (const body of responses[route]) {
      expect(kitRouteSchemas[route].response.safeParse(body).success).toBe(true)
      expect(isKitResponse(route, body)).toBe(true)
      for (const mutated of mutations(body)) {
        const zodVerdict = kitRouteSchemas[route].response.safeParse(mutated).success
        expect(isKitResponse(route, mutated), JSON.stringify(mutated)).toBe(zodVerdict)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(10)
  })

  it.each(Object.keys(requests) as Route[])('%s requests', (route) => {
    for (const body of requests[route]) {
      expect(kitRouteSchemas[route].request.safeParse(body).success).toBe(true)
      expect(kitRequestProblems(route, body)).toEqual([])
      for (const mutated of mutations(body)) {
        const zodVerdict = kitRouteSchemas[route].request.safeParse(mutated).success
        const normalized =
          typeof mutated === 'object' && mutated !== null && !Array.isArray(mutated)
            ? normalizeKitRequest(route, mutated as Record<string, unknown>)
            : mutated
        expect(kitRequestProblems(route, normalized).length === 0, JSON.stringify(mutated)).toBe(
          zodVerdict,
        )
      }
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
    expect(isKitErrorBody(body)).toBe(true)
    for (const mutated of mutations(body)) {
      expect(isKitErrorBody(mutated), JSON.stringify(mutated)).toBe(
        kitErrorBody.safeParse(mutated).success,
      )
    }
  })

  it('name the offending request fields, never values', () => {
    expect(kitRequestProblems('sms/verify', { code: '12ab', device, hmac: 'x' })).toEqual([
      'hmac',
      'code',
    ])
    expect(kitRequestProblems('sms/verify', 'nope')).toEqual(['(body)'])
  })
})
