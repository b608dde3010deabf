// Threat: hostile bytes on the wire reaching the kit through the Node adapter (T-H2, T-D6, T-N1):
// bodies over the cap (declared or chunked), empty and invalid-UTF-8 bodies, random bytes — each
// must be a typed 4xx with 0 upstream calls, not a reset, a hang or a 500; a client rotating
// X-Forwarded-For must not escape the per-IP failure budget when no proxy is trusted; every answer
// carries the hardening headers.
import { createServer, request as httpRequest } from 'node:http'
import type { Server } from 'node:http'
import { connect } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kitErrorBody } from '@centagate-kit/protocol'
import { toNodeHandler } from '@centagate-kit/server/node'
import { createCentagateHandler } from '@centagate-kit/server'
import { createStack, kitConfig, upstreamBaseUrl } from './support/stack'

const stack = createStack()
let server: Server
let base = ''
const figures: Record<string, string | number>[] = []

beforeAll(async () => {
  const handler = createCentagateHandler({
    ...kitConfig(
      stack.canaries,
      {
        baseUrl: upstreamBaseUrl,
        integrationKey: stack.canaries.integrationKey,
        secretKey: stack.canaries.secretKey,
        fetch: stack.upstream,
      },
      stack.serverLog,
    ),
  })
  server = createServer(toNodeHandler(handler))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  console.log('\nNode adapter, raw HTTP')
  console.table(figures)
})

interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One raw HTTP/1.1 request; `chunks` are written one by one (chunked when no length given). */
function raw(
  path: string,
  chunks: Uint8Array[],
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${path}`,
      {
        method: 'POST',
        // A fresh connection per case: one broken exchange must not hide or cause another.
        agent: false,
        headers: {
          origin: base,
          'sec-fetch-site': 'same-origin',
          'x-centagate-kit': '1',
          'content-type': 'application/json',
          ...headers,
        },
      },
      (res) => {
        const parts: Buffer[] = []
        res.on('data', (chunk: Buffer) => parts.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString('utf8'),
          }),
        )
      },
    )
    req.on('error', reject)
    req.setTimeout(5_000, () => req.destroy(new Error('no answer within 5 s')))
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}

const text = (value: string) => new TextEncoder().encode(value)

function expectTyped(answer: RawAnswer, status: number, code: string) {
  const parsed = kitErrorBody.safeParse(JSON.parse(answer.body))
  expect(parsed.success, answer.body).toBe(true)
  expect(answer.status).toBe(status)
  expect(parsed.data?.error.code).toBe(code)
  expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
  expect(answer.headers['cache-control']).toMatch(/no-store/)
  expect(answer.headers['x-content-type-options']).toBe('nosniff')
}

// Regression tests for a bug found here and fixed in the server package: the capped body read
// destroyed the request (adapters/node.ts read `request.socket.remoteAddress` afterwards → a bare
// 500 instead of the typed 413, and a dead keep-alive connection).
describe('Node adapter: raw bytes', () => {
  it('a 100 KB body with Content-Length → 413, no reset, 0 upstream calls', async () => {
    const before = stack.upstream.calls
    const body = text(`{"pad":"${'x'.repeat(100_000)}"}`)
    const answer = await raw('/api/centagate/login/start', [body], {
      'content-length': String(body.length),
    })
    figures.push({ case: '100 KB, Content-Length', status: answer.status })
    expectTyped(answer, 413, 'payload_too_large')
    expect(stack.upstream.calls - before).toBe(0)
  })

  it('a 1 MB chunked body (no length) → 413, no reset, 0 upstream calls', async () => {
    const before = stack.upstream.calls
    const chunk = text('x'.repeat(64 * 1024))
    const answer = await raw('/api/centagate/login/start', [
      text('{"pad":"'),
      ...Array.from({ length: 16 }, () => chunk),
      text('"}'),
    ])
    figures.push({ case: '1 MB, chunked', status: answer.status })
    expectTyped(answer, 413, 'payload_too_large')
    expect(stack.upstream.calls - before).toBe(0)
  })

  it('a Host header no URL can hold → typed 400 on a kit path, 404 elsewhere; 0 upstream calls', async () => {
    const port = Number(new URL(base).port)
    const ask = (path: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1')
        let data = ''
        socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')))
        socket.on('close', () => resolve(data))
        socket.on('error', () => resolve(data))
        setTimeout(() => socket.destroy(), 2_000)
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: a b\r\norigin: ${base}\r\nx-centagate-kit: 1\r\n` +
            'content-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}',
        )
      })
    const before = stack.upstream.calls
    const kit = await ask('/api/centagate/login/start')
    const other = await ask('/not-the-kit')
    figures.push({
      case: 'malformed Host',
      status: `${kit.split('\r\n')[0]} / ${other.split('\r\n')[0]}`,
    })
    expect(kit.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request')
    const body = kitErrorBody.parse(JSON.parse(kit.slice(kit.indexOf('\r\n\r\n') + 4)))
    expect(body.error).toMatchObject({ code: 'invalid_input', fields: ['(host)'] })
    expect(other.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found')
    expect(stack.upstream.calls - before).toBe(0)
  })

  it('after an oversized body the connection is closed or still answers (never a dead keep-alive)', async () => {
    // The kit answers with `Connection: keep-alive`; a client or reverse proxy reusing that
    // connection must get an answer (or see it closed), not wait forever.
    const port = new URL(base).port
    const head = (path: string, length: number) =>
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\norigin: ${base}\r\n` +
      `x-centagate-kit: 1\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\n\r\n`
    const big = `{"pad":"${'x'.repeat(1_000_000)}"}`
    const small = '{"device":{"userAgent":"second request","browserFp":""}}'
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1')
      let data = ''
      let sentSecond = false
      socket.on('data', (chunk: Buffer) => {
        data += chunk.toString('latin1')
        if (!sentSecond && /\r\n\r\n/.test(data)) {
          sentSecond = true
          socket.write(head('/api/centagate/flow/cancel', small.length) + small)
        }
        if ((data.match(/HTTP\/1\.1 /g) ?? []).length >= 2) {
          socket.destroy()
          resolve('answered twice')
        }
      })
      socket.on('close', () => resolve(sentSecond ? 'closed after the first answer' : 'closed'))
      socket.on('error', () => resolve('reset'))
      setTimeout(() => {
        socket.destroy()
        resolve(sentSecond ? 'second request never answered (dead keep-alive)' : 'no answer')
      }, 2_000)
      socket.write(head('/api/centagate/login/start', big.length) + big)
    })
    figures.push({ case: 'reuse of the connection after 413', status: outcome })
    expect(['answered twice', 'closed after the first answer']).toContain(outcome)
  })

  it('empty body and invalid UTF-8 → 400 invalid_input', async () => {
    const empty = await raw('/api/centagate/login/start', [], { 'content-length': '0' })
    expectTyped(empty, 400, 'invalid_input')
    const invalid = await raw('/api/centagate/login/start', [
      new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
    ])
    expectTyped(invalid, 400, 'invalid_input')
    figures.push({ case: 'empty / invalid UTF-8', status: `${empty.status} / ${invalid.status}` })
  })

  it('300 random byte bodies over HTTP → typed 4xx, 0 x 5xx, 0 upstream calls', async () => {
    const before = stack.upstream.calls
    const bodies = fc.sample(fc.uint8Array({ minLength: 0, maxLength: 4_096 }), {
      numRuns: 300,
      seed: 4_242,
    })
    const statuses = new Map<number, number>()
    for (const body of bodies) {
      const answer = await raw('/api/centagate/sms/verify', [body], {
        'content-length': String(body.length),
      })
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
      expect(answer.status).toBeGreaterThanOrEqual(400)
      expect(answer.status).toBeLessThan(500)
      expect(kitErrorBody.safeParse(JSON.parse(answer.body)).success).toBe(true)
    }
    figures.push({
      case: '300 random byte bodies',
      status: [...statuses].map(([status, count]) => `${status}:${count}`).join(' '),
    })
    expect(stack.upstream.calls - before).toBe(0)
  })
})

describe('client IP: X-Forwarded-For is ignored without a trusted proxy', () => {
  it('rotating X-Forwarded-For on every failed login: the per-IP budget (100) still trips', async () => {
    let limitedAt = -1
    let beforeLimited = 0
    for (let index = 0; index < 110 && limitedAt < 0; index += 1) {
      const before = stack.upstream.calls
      const answer = await raw(
        '/api/centagate/login/start',
        [
          text(
            JSON.stringify({
              username: `nobody-${index}`,
              password: 'wrong-password',
              device: { userAgent: 'xff rotation', browserFp: '' },
            }),
          ),
        ],
        { 'x-forwarded-for': `203.0.113.${index % 250}, 198.51.100.${index % 200}` },
      )
      const code = (JSON.parse(answer.body) as { error?: { code?: string } }).error?.code
      if (code === 'rate_limited') {
        limitedAt = index
        beforeLimited = stack.upstream.calls - before
      } else {
        expect(code).toBe('invalid_credentials')
      }
    }
    figures.push({
      case: 'failed logins with rotating X-Forwarded-For',
      status: `rate_limited at attempt #${limitedAt + 1}, upstream calls for it: ${beforeLimited}`,
    })
    expect(limitedAt).toBe(100)
    expect(beforeLimited).toBe(0)
  })
})

describe('client IP behind one trusted proxy', () => {
  it('only the hop the proxy appended counts: rotating the client-supplied part does not escape', async () => {
    const proxied = createStack()
    const handler = createCentagateHandler({
      ...kitConfig(
        proxied.canaries,
        {
          baseUrl: upstreamBaseUrl,
          integrationKey: proxied.canaries.integrationKey,
          secretKey: proxied.canaries.secretKey,
          fetch: proxied.upstream,
        },
        proxied.serverLog,
      ),
      trustedProxyCount: 1,
    })
    let limitedAt = -1
    for (let index = 0; index < 110 && limitedAt < 0; index += 1) {
      const request = new Request(`${base}/api/centagate/login/start`, {
        method: 'POST',
        headers: {
          origin: base,
          'sec-fetch-site': 'same-origin',
          'x-centagate-kit': '1',
          'content-type': 'application/json',
          // Client-supplied entries rotate; the proxy appended the real address last.
          'x-forwarded-for': `10.0.${index % 250}.1, 192.0.2.${index % 200}, 203.0.113.77`,
        },
        body: JSON.stringify({
          username: `nobody-${index}`,
          password: 'wrong-password',
          device: { userAgent: 'proxy rotation', browserFp: '' },
        }),
      })
      // The connection comes from the proxy.
      const response = await handler(request, { clientAddress: '127.0.0.1' })
      const code = ((await response.json()) as { error?: { code?: string } }).error?.code
      if (code === 'rate_limited') limitedAt = index
    }
    figures.push({
      case: 'trusted proxy, rotating client part of X-Forwarded-For',
      status: `rate_limited at attempt #${limitedAt + 1}`,
    })
    expect(limitedAt).toBe(100)
  })
})
