// Threat: the same-origin check of the Next adapter compared with the wrong origin. Next hands
// route handlers a URL on its own listening address (`http://localhost:3000`) whatever the Host,
// so comparing with it refused every same-origin browser POST (and would have accepted a page
// served from that internal address). The adapter takes the host from the Host header, like the
// Node adapters; a Host that is more than a host gets a typed 400, never a 500 or a moved origin.
import { describe, expect, it } from 'vitest'
import { createCentagateHandler } from '../handler/create-centagate-handler'
import { toNextHandlers } from './next'

let upstreamCalls = 0
const { POST, GET } = toNextHandlers(
  createCentagateHandler({
    centagate: {
      baseUrl: 'https://cg.test',
      integrationKey: 'ik',
      secretKey: 'sk',
      fetch: () => {
        upstreamCalls += 1
        return Promise.reject(new TypeError('no upstream in this test'))
      },
    },
    cookieSecrets: [{ id: 'k1', secret: 'x'.repeat(40) }],
  }),
)

/** A request as `next start` passes it: URL on Next's address, the browser's Host and Origin. */
function nextRequest(input: {
  host: string
  origin: string
  nextOrigin?: string
  method?: string
  body?: unknown
}): Request {
  const method = input.method ?? 'POST'
  return new Request(`${input.nextOrigin ?? 'http://localhost:3000'}/api/centagate/login/start`, {
    method,
    headers: {
      host: input.host,
      origin: input.origin,
      'content-type': 'application/json',
      'x-centagate-kit': '1',
    },
    body: method === 'POST' ? JSON.stringify(input.body ?? {}) : null,
  })
}

// Passes every check before the body's schema, and names a field of the body: the POST got past
// the origin check and its (streamed) body reached the handler.
const badUsername = {
  username: '',
  password: 'pw',
  device: { userAgent: 'test', browserFp: '' },
}

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; fields?: string[] } }
  return { status: response.status, ...body.error }
}

describe('Next adapter: the origin the browser addressed', () => {
  it('accepts a POST from the page the Host names (Next URL on localhost)', async () => {
    const answer = await errorOf(
      await POST(
        nextRequest({
          host: 'app.example.com',
          origin: 'http://app.example.com',
          body: badUsername,
        }),
      ),
    )
    expect(answer).toMatchObject({ status: 400, code: 'invalid_input', fields: ['username'] })
  })

  it("keeps Next's scheme (TLS or X-Forwarded-Proto): https pages pass, http ones do not", async () => {
    const https = { host: 'app.example.com', nextOrigin: 'https://localhost:3000' }
    const secure = await POST(
      nextRequest({ ...https, origin: 'https://app.example.com', body: badUsername }),
    )
    expect((await errorOf(secure)).code).toBe('invalid_input')
    const downgraded = await POST(nextRequest({ ...https, origin: 'http://app.example.com' }))
    expect(await errorOf(downgraded)).toMatchObject({ status: 403, code: 'csrf_rejected' })
  })

  it("refuses Next's internal address and other sites as origins", async () => {
    for (const origin of ['http://localhost:3000', 'https://evil.example', 'null']) {
      const answer = await POST(nextRequest({ host: 'app.example.com', origin }))
      expect(await errorOf(answer)).toMatchObject({ status: 403, code: 'csrf_rejected' })
    }
  })

  it('answers a Host that is more than a host with a typed 400', async () => {
    for (const host of ['evil.example/x', 'evil.example@app.example.com', 'a b', '']) {
      const answer = await POST(nextRequest({ host, origin: 'http://evil.example' }))
      expect(await errorOf(answer)).toMatchObject({
        status: 400,
        code: 'invalid_input',
        fields: ['(host)'],
      })
    }
  })

  it('still answers other methods with the typed 405', async () => {
    const answer = await GET(
      nextRequest({ host: 'app.example.com', origin: 'http://app.example.com', method: 'GET' }),
    )
    expect(await errorOf(answer)).toMatchObject({ status: 405, code: 'method_not_allowed' })
    expect(upstreamCalls).toBe(0)
  })
})
