import { endpoints } from '@centagate-kit/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LogFields, Logger } from '../logger'
import { startChaosUpstream } from '@centagate-kit/testkit/chaos-upstream'
import { createCentagateClient } from './create-centagate-client'
import {
  CentagateCodeError,
  ClockSkewError,
  UpstreamBadResponseError,
  UpstreamHttpError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from './errors'
import { nodeUpstreamClients } from '@centagate-kit/testkit/node-upstream-clients'

const vector = {
  secretKey: 'k3yForTests1',
  integrationKey: '0123456789abcdef'.repeat(4),
  authToken: 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODk=',
}

function capture(reply: { code: string; object?: string }, headers: Record<string, string> = {}) {
  const sent: { url: string; init: RequestInit }[] = []
  const fetch = (url: string, init: RequestInit) => {
    sent.push({ url, init })
    return Promise.resolve(
      new Response(JSON.stringify({ message: 'm', object: '', ...reply }), {
        status: 200,
        headers: { 'content-type': 'application/json', ...headers },
      }),
    )
  }
  return { fetch, sent }
}

describe('createCentagateClient', () => {
  it('signs the API.md 1.5 vector and sends every signed field as a string', async () => {
    const { fetch, sent } = capture({
      code: '0',
      object: JSON.stringify({ authToken: 'next', secretCode: 'x', multiStepAuth: 'false' }),
    })
    const client = createCentagateClient({
      baseUrl: 'https://cg.example/',
      integrationKey: vector.integrationKey,
      secretKey: vector.secretKey,
      fetch,
      now: () => 1_700_000_000_000,
    })
    const result = await client.authSmsOtp({
      username: 'alice',
      smsOtp: '123456',
      authToken: vector.authToken,
      ipAddress: '203.0.113.7',
      userAgent: 'Mozilla/5.0',
    })
    expect(result.secretCode).toBe('x')
    expect(sent).toHaveLength(1)
    expect(sent[0]!.url).toBe('https://cg.example/v2/CentagateWS/webresources/auth/authSmsOtp')
    expect(sent[0]!.init.redirect).toBe('manual')
    const body = JSON.parse(String(sent[0]!.init.body)) as Record<string, unknown>
    expect(body.hmac).toBe('a9db7fb5f9775ae109e9453b938138153309c8b2ab51273df837ce99e690136c')
    expect(body.unixTimestamp).toBe('1700000000')
    for (const name of endpoints.authSmsOtp.signedOrder) expect(typeof body[name]).toBe('string')
    expect(body.supportFido).toBe('')
  })

  it('honours a per-endpoint signed-order override', async () => {
    const { fetch, sent } = capture({
      code: '0',
      object: JSON.stringify({ phone: '+1', timeout: '60' }),
    })
    const client = createCentagateClient({
      baseUrl: 'https://cg.example',
      integrationKey: 'ik',
      secretKey: 'sk',
      fetch,
      signedOrder: { requestSmsOtp: ['username', 'integrationKey', 'unixTimestamp'] },
    })
    await client.requestSmsOtp({ username: 'alice', authToken: 'AT' })
    const body = JSON.parse(String(sent[0]!.init.body)) as Record<string, string>
    const { createHmacSigner } = await import('@centagate-kit/protocol/signing')
    const expected = await createHmacSigner('sk').sign(`alice${'ik'}${body.unixTimestamp}`)
    expect(body.hmac).toBe(expected)
  })

  it('maps return codes to CentagateCodeError with key and category; keeps 23002 object', async () => {
    const client = createCentagateClient({
      baseUrl: 'https://cg.example',
      integrationKey: 'ik',
      secretKey: 'sk',
      fetch: capture({ code: '23002', object: '{"phone":"+6012","timeout":"60"}' }).fetch,
    })
    const error = await client.requestSmsOtp({ username: 'a' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CentagateCodeError)
    expect(error).toMatchObject({
      kind: 'code',
      code: '23002',
      key: 'sms_otp_wait',
      category: 'rate_limited',
      object: { phone: '+6012' },
    })
  })

  it('logs 23022 with field names, lengths and a digest, never values', async () => {
    const lines: { message: string; fields?: LogFields }[] = []
    const record = (message: string, fields?: LogFields) =>
      lines.push({ message, ...(fields ? { fields } : {}) })
    const logger: Logger = { debug: record, info: record, warn: record, error: record }
    const client = createCentagateClient({
      baseUrl: 'https://cg.example',
      integrationKey: 'IK-canary',
      secretKey: 'sk',
      fetch: capture({ code: '23022' }).fetch,
      logger,
    })
    await expect(
      client.authSmsOtp({ username: 'alice', smsOtp: '987654', authToken: 'AT-canary' }),
    ).rejects.toMatchObject({ code: '23022' })
    const entry = lines.find((line) => line.message.includes('23022'))!
    expect(entry.fields).toMatchObject({ endpoint: 'authSmsOtp' })
    expect(entry.fields!.signedFields).toContainEqual({ field: 'smsOtp', length: 6 })
    expect(entry.fields!.canonicalSha256).toMatch(/^[0-9a-f]{64}$/)
    const text = JSON.stringify(lines)
    for (const canary of ['987654', 'AT-canary', 'IK-canary']) expect(text).not.toContain(canary)
  })

  it('23023 becomes ClockSkewError with the offset from the Date header', async () => {
    const now = 1_700_000_000_000
    const client = createCentagateClient({
      baseUrl: 'https://cg.example',
      integrationKey: 'ik',
      secretKey: 'sk',
      now: () => now,
      fetch: capture({ code: '23023' }, { date: new Date(now + 600_000).toUTCString() }).fetch,
    })
    const error = (await client
      .adaptive({ username: 'a' })
      .catch((caught: unknown) => caught)) as ClockSkewError
    expect(error).toBeInstanceOf(ClockSkewError)
    expect(Math.abs(error.offsetMs! - 600_000)).toBeLessThan(2_000)
  })

  it('a success payload that does not match its endpoint is a bad response', async () => {
    const client = createCentagateClient({
      baseUrl: 'https://cg.example',
      integrationKey: 'ik',
      secretKey: 'sk',
      fetch: capture({ code: '0', object: '{"nope":1}' }).fetch,
    })
    await expect(client.authBasic({ username: 'a', password: 'b' })).rejects.toMatchObject({
      kind: 'upstream_bad_response',
      reason: 'bad_payload',
    })
  })
})

for (const [clientName, makeUpstream] of nodeUpstreamClients) {
  describe(`createCentagateClient over loopback HTTP (${clientName})`, () => {
    let chaos: Awaited<ReturnType<typeof startChaosUpstream>>
    const upstream = makeUpstream()
    beforeAll(async () => {
      chaos = await startChaosUpstream(800)
    })
    afterAll(async () => {
      await chaos.close()
      await upstream.close()
    })
    const client = () =>
      createCentagateClient({
        baseUrl: chaos.url,
        integrationKey: 'ik',
        secretKey: 'sk',
        ...upstream.option,
        timeoutMs: 300,
      })

    const cases = [
      ['never', UpstreamTimeoutError],
      ['late-headers', UpstreamTimeoutError],
      ['drip', UpstreamTimeoutError],
      ['http-500', UpstreamHttpError],
      ['http-503', UpstreamHttpError],
      ['html', UpstreamBadResponseError],
      ['bad-json', UpstreamBadResponseError],
      ['truncated', UpstreamBadResponseError],
      ['reset', UpstreamUnavailableError],
      ['no-code', UpstreamBadResponseError],
      ['bad-object', UpstreamBadResponseError],
      ['oversized', UpstreamBadResponseError],
      ['redirect', UpstreamBadResponseError],
      ['clock-skew', ClockSkewError],
    ] as const

    for (const [mode, errorClass] of cases) {
      it(`${mode} → ${errorClass.name}, one attempt`, async () => {
        chaos.setMode(mode)
        const before = chaos.requests()
        const started = Date.now()
        const error = await client()
          .authBasic({ username: 'a', password: 'b' })
          .catch((caught: unknown) => caught)
        expect(error).toBeInstanceOf(errorClass)
        expect(chaos.requests() - before).toBe(1)
        expect(Date.now() - started).toBeLessThan(300 + 250)
        chaos.setMode('ok')
        await expect(client().authBasic({ username: 'a', password: 'b' })).resolves.toMatchObject({
          authToken: 'AT',
        })
      })
    }

    it('connection refused → UpstreamUnavailableError', async () => {
      const closed = await startChaosUpstream()
      await closed.close()
      const refused = createCentagateClient({
        baseUrl: closed.url,
        integrationKey: 'ik',
        secretKey: 'sk',
        ...upstream.option,
      })
      await expect(refused.authBasic({ username: 'a', password: 'b' })).rejects.toBeInstanceOf(
        UpstreamUnavailableError,
      )
    })
  })
}
