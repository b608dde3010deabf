import { kitRouteDeclarations } from '@centagate-kit/protocol'
import type {
  FlowResponse,
  KitErrorBody,
  KitErrorCode,
  QrStatusResponse,
  SmsSendResponse,
} from '@centagate-kit/protocol'
import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import { createDeviceSignals } from './device-signals'
import { createKitClient, normalizeCode, parseRetryAfter } from './kit-client'
import type { KitCallOptions, KitClient } from './kit-client'
import { KitClientError, isKitClientError } from './kit-client-error'
import type { KitClientErrorInit } from './kit-client-error'
import { bodies, createFakeKitFetch } from '@centagate-kit/testkit/fake-kit-fetch'

const signals = () => createDeviceSignals({ fingerprint: false, userAgent: () => 'TestAgent/1.0' })

function setup(options: { basePath?: string; serverOffsetMs?: number } = {}) {
  const server = createFakeKitFetch({
    ...options,
    ...(options.basePath ? { basePath: options.basePath.replace(/\/+$/, '') } : {}),
  })
  const client = createKitClient({
    fetch: server.fetch,
    deviceSignals: signals(),
    ...(options.basePath ? { basePath: options.basePath } : {}),
  })
  return { server, client }
}

async function caught(promise: Promise<unknown>): Promise<KitClientError> {
  try {
    await promise
  } catch (error) {
    expect(isKitClientError(error)).toBe(true)
    return error as KitClientError
  }
  throw new Error('expected the call to fail')
}

describe('createKitClient: requests', () => {
  it('POSTs JSON with the kit header, same-origin credentials and device signals', async () => {
    const { server, client } = setup()
    server.on('login/start', () => ({ body: bodies.factorRequired(server.serverNow(), ['sms']) }))
    await client.loginStart({ username: 'alice', password: 'pw' })
    const [request] = server.requests
    expect(request?.url).toBe('/api/centagate/login/start')
    expect(request?.method).toBe('POST')
    expect(request?.headers.get('x-centagate-kit')).toBe('1')
    expect(request?.headers.get('content-type')).toBe('application/json')
    expect(request?.credentials).toBe('same-origin')
    expect(request?.body).toEqual({
      username: 'alice',
      password: 'pw',
      device: { userAgent: 'TestAgent/1.0', browserFp: '' },
    })
  })

  it('uses the base path and strips what people paste around codes', async () => {
    const { server, client } = setup({ basePath: '/auth/kit/' })
    server.on('sms/verify', () => ({ body: bodies.authenticated(server.serverNow()) }))
    await client.smsVerify({ code: ' 123-456 ' })
    expect(server.requests[0]?.url).toBe('/auth/kit/sms/verify')
    expect(server.requests[0]?.body.code).toBe('123456')
  })

  it('sends every route to its own path with only the device signals for bodiless calls', async () => {
    const { server, client } = setup()
    const now = server.serverNow
    server.on('stepup/start', () => ({ body: bodies.factorRequired(now(), ['qr']) }))
    server.on('sms/send', () => ({ body: bodies.smsSent(now()) }))
    server.on('challenge/send', () => ({ body: bodies.challengeSent(now()) }))
    server.on('challenge/verify', () => ({ body: bodies.authenticated(now(), 'challenge') }))
    server.on('qr/send', () => ({ body: bodies.qrSent(now()) }))
    server.on('qr/status', () => ({ body: bodies.qrPending(now()) }))
    server.on('qr/verify', () => ({ body: bodies.authenticated(now(), 'qr') }))
    server.on('tokens/register', () => ({
      body: { status: 'registered', kind: 'hardware', label: 'AB12CD34', serverTime: now() },
    }))
    server.on('flow/cancel', () => ({ body: { status: 'cancelled', serverTime: now() } }))
    await client.stepUpStart({ transactionId: 'tx-1' })
    await client.smsSend()
    await client.challengeSend()
    await client.challengeVerify({ response: '87654321' })
    await client.qrSend()
    await client.qrStatus()
    await client.qrVerify({ otp: '654321' })
    await client.tokensRegister({ kind: 'hardware', serial: 'ab12cd34' })
    await client.flowCancel()
    expect(server.requests.map((r) => r.route)).toEqual([
      'stepup/start',
      'sms/send',
      'challenge/send',
      'challenge/verify',
      'qr/send',
      'qr/status',
      'qr/verify',
      'tokens/register',
      'flow/cancel',
    ])
    expect(server.calls('sms/send')[0]?.body).toEqual({
      device: { userAgent: 'TestAgent/1.0', browserFp: '' },
    })
    expect(server.calls('stepup/start')[0]?.body.transactionId).toBe('tx-1')
    expect(server.calls('tokens/register')[0]?.body.serial).toBe('AB12CD34')
  })

  it('has one method per declared route, taking input only where the request has fields', () => {
    const { client } = setup()
    for (const route of kitRouteDeclarations) {
      const method = (client as unknown as Record<string, unknown>)[route.clientMethod]
      expect(typeof method, route.clientMethod).toBe('function')
      const takesInput =
        route.request.kind === 'union' || Object.keys(route.request.shape).length > 1
      expect((method as (...args: unknown[]) => unknown).length, route.clientMethod).toBe(
        takesInput ? 2 : 1,
      )
    }
  })

  it('types inputs and answers from the declarations', () => {
    expectTypeOf<KitClient['smsVerify']>().parameters.toEqualTypeOf<
      [input: { code: string }, options?: KitCallOptions | undefined]
    >()
    expectTypeOf<KitClient['smsSend']>().parameters.toEqualTypeOf<
      [options?: KitCallOptions | undefined]
    >()
    expectTypeOf<KitClient['smsSend']>().returns.resolves.toEqualTypeOf<SmsSendResponse>()
    expectTypeOf<KitClient['loginStart']>().returns.resolves.toEqualTypeOf<FlowResponse>()
    expectTypeOf<KitClient['qrStatus']>().returns.resolves.toEqualTypeOf<
      QrStatusResponse & { retryAfterMs?: number }
    >()
    expectTypeOf<Parameters<KitClient['tokensRegister']>[0]>().toEqualTypeOf<
      { kind: 'sms'; phoneNumber: string } | { kind: 'hardware'; serial: string }
    >()
    // The error copies its init by name: every init field but `cause` is one of its fields.
    expectTypeOf<Exclude<keyof KitClientErrorInit, 'cause'>>().toExtend<keyof KitClientError>()
  })

  it('rejects malformed input locally with invalid_input and the field name, sending nothing', async () => {
    const { server, client } = setup()
    const error = await caught(client.smsVerify({ code: '12ab' }))
    expect(error.code).toBe('invalid_input')
    expect(error.status).toBe(0)
    expect(error.fields).toEqual(['code'])
    expect(error.message).not.toContain('12ab')
    const phone = await caught(client.tokensRegister({ kind: 'sms', phoneNumber: '0123' }))
    expect(phone.fields).toEqual(['phoneNumber'])
    expect(server.requests).toHaveLength(0)
  })

  it('a misbehaving device signals provider never breaks a call', async () => {
    const server = createFakeKitFetch()
    server.on('flow/cancel', () => ({ body: { status: 'cancelled', serverTime: Date.now() } }))
    const odd = createKitClient({
      fetch: server.fetch,
      deviceSignals: {
        start() {},
        get: async () => ({ userAgent: 'U'.repeat(900), browserFp: 'bad id!' }),
      },
    })
    await odd.flowCancel()
    const failing = createKitClient({
      fetch: server.fetch,
      deviceSignals: { start() {}, get: () => Promise.reject(new Error('boom')) },
    })
    await failing.flowCancel()
    expect(server.requests.map((r) => r.body.device)).toEqual([
      { userAgent: 'U'.repeat(512), browserFp: '' },
      { userAgent: '', browserFp: '' },
    ])
  })

  it('uses globalThis.fetch when none is injected, looked up per call', async () => {
    const server = createFakeKitFetch()
    server.on('flow/cancel', () => ({ body: { status: 'cancelled', serverTime: Date.now() } }))
    const client = createKitClient({ deviceSignals: signals() })
    vi.stubGlobal('fetch', server.fetch)
    try {
      await expect(client.flowCancel()).resolves.toMatchObject({ status: 'cancelled' })
    } finally {
      vi.unstubAllGlobals()
    }
    expect(server.requests).toHaveLength(1)
  })
})

describe('createKitClient: responses', () => {
  it('returns the validated body and learns the server clock offset', async () => {
    const { server, client } = setup({ serverOffsetMs: 90_000 })
    server.on('sms/send', () => ({ body: bodies.smsSent(server.serverNow()) }))
    const sent = await client.smsSend()
    expect(sent.maskedPhone).toBe('•••• 4567')
    expect(client.clock.offsetMs).toBeGreaterThan(89_000)
    expect(client.clock.offsetMs).toBeLessThan(91_000)
  })

  it('reads Retry-After on qr/status as retryAfterMs', async () => {
    const { server, client } = setup()
    server.on('qr/status', () => ({
      body: bodies.qrPending(server.serverNow()),
      headers: { 'retry-after': '3' },
    }))
    expect((await client.qrStatus()).retryAfterMs).toBe(3000)
  })
})

describe('createKitClient: typed errors', () => {
  it.each([
    ['otp_invalid', { attemptsLeft: 2, returnCode: '23001', messageKey: 'centagate.invalid_otp' }],
    ['otp_expired', { returnCode: '23009' }],
    ['locked', { lockedUntil: 1_900_000_000_000 }],
    ['challenge_locked', { attemptsLeft: 0 }],
    ['rate_limited', { retryAt: 1_900_000_000_000 }],
    ['step_up_required', { transactionId: 'tx-9', maxAgeSeconds: 300 }],
    ['csrf_rejected', {}],
    ['no_flow', {}],
    ['upstream_unavailable', {}],
    ['invalid_input', { fields: ['code'] }],
  ] as const satisfies [KitErrorCode, Record<string, unknown>][])(
    'maps a %s error body to a KitClientError with its data',
    async (code, fields) => {
      const { server, client } = setup()
      server.on('sms/verify', () => ({
        error: code,
        fields: fields as Partial<KitErrorBody['error']>,
      }))
      const error = await caught(client.smsVerify({ code: '123456' }))
      expect(error).toBeInstanceOf(KitClientError)
      expect(error.code).toBe(code)
      expect(error.status).toBeGreaterThanOrEqual(400)
      expect(error.requestId).toBe('req-test')
      expect(error.messageKey).toBe('messageKey' in fields ? fields.messageKey : `kit.${code}`)
      for (const [key, value] of Object.entries(fields)) {
        expect(error[key as keyof KitClientError]).toEqual(value)
      }
    },
  )

  it('network failure: network_error with status 0', async () => {
    const client = createKitClient({
      deviceSignals: signals(),
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    })
    const error = await caught(client.smsSend())
    expect(error.code).toBe('network_error')
    expect(error.status).toBe(0)
    expect(error.messageKey).toBe('kit.network_error')
  })

  it('invalid JSON (a proxy HTML page): bad_response with the HTTP status', async () => {
    const { server, client } = setup()
    server.on('sms/send', () => new Response('<html>Bad gateway</html>', { status: 502 }))
    const error = await caught(client.smsSend())
    expect(error.code).toBe('bad_response')
    expect(error.status).toBe(502)
    server.on('sms/send', () => new Response('{"status":', { status: 200 }))
    expect((await caught(client.smsSend())).code).toBe('bad_response')
  })

  it('schema mismatch (a leaked field, a wrong shape): bad_response', async () => {
    const { server, client } = setup()
    server.on('sms/send', () =>
      Response.json({ ...bodies.smsSent(Date.now()), authToken: 'secret-token' }),
    )
    const leaked = await caught(client.smsSend())
    expect(leaked.code).toBe('bad_response')
    expect(leaked.message).not.toContain('secret-token')
    server.on('sms/send', () => Response.json({ error: { code: 'nope' } }, { status: 400 }))
    expect((await caught(client.smsSend())).code).toBe('bad_response')
  })

  it('abort before and during the request: aborted', async () => {
    const { server, client } = setup()
    const early = new AbortController()
    early.abort()
    expect((await caught(client.smsSend({ signal: early.signal }))).code).toBe('aborted')
    expect(server.requests).toHaveLength(0)

    server.on('sms/send', () => new Promise(() => {}))
    const late = new AbortController()
    const pending = client.smsSend({ signal: late.signal })
    await vi.waitFor(() => expect(server.requests).toHaveLength(1))
    late.abort()
    const error = await caught(pending)
    expect(error.code).toBe('aborted')
    expect(error.status).toBe(0)
  })

  it('observes serverTime from error bodies too', async () => {
    const { server, client } = setup({ serverOffsetMs: -30_000 })
    server.on('sms/send', () => ({ error: 'rate_limited', fields: { retryAt: Date.now() } }))
    await caught(client.smsSend())
    expect(client.clock.offsetMs).toBeLessThan(-29_000)
  })
})

describe('helpers', () => {
  it('normalizeCode strips spaces, dashes and dots', () => {
    expect(normalizeCode('12 34-56')).toBe('123456')
    expect(normalizeCode('12.34\u201356')).toBe('123456')
  })
  it('parseRetryAfter reads seconds and HTTP dates, ignores junk', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000)
    expect(parseRetryAfter('1.5', 0)).toBe(1500)
    expect(parseRetryAfter(null, 0)).toBeUndefined()
    expect(parseRetryAfter('soon', 0)).toBeUndefined()
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000)
  })
  it('isKitClientError recognises only kit errors', () => {
    expect(isKitClientError(new KitClientError('aborted', { status: 0 }))).toBe(true)
    expect(isKitClientError(new Error('x'))).toBe(false)
    expect(isKitClientError({ code: 'aborted', status: 0 })).toBe(false)
  })
  it('a KitClientError has own keys only for the details it was given', () => {
    const error = new KitClientError('rate_limited', { status: 429, retryAt: 5 })
    expect(Object.keys(error).sort()).toEqual(['code', 'messageKey', 'name', 'retryAt', 'status'])
    expect('attemptsLeft' in error).toBe(false)
  })
})
