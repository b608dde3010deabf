// Threat: oversized or endless request bodies against the Node adapter (memory exhaustion, a
// crash, a dead keep-alive connection). The adapter keeps at most cap + 1 bytes, answers the
// typed 413, keeps the connection usable after a moderate overflow, and closes it after a huge one.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCentagateHandler } from '../handler/create-centagate-handler'
import { toNodeHandler } from './node'

let url: URL
let server: ReturnType<typeof createServer>
let upstreamCalls = 0
beforeAll(async () => {
  const kit = createCentagateHandler({
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
  })
  server = createServer(toNodeHandler(kit))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

/** Sends raw HTTP/1.1 requests on ONE socket and collects the raw answers. */
function rawExchange(requests: (string | Buffer)[][], expectAnswers: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), '127.0.0.1')
    let received = ''
    const done = () => resolve(received)
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1')
      if (
        (received.match(/HTTP\/1\.1 /g) ?? []).length >= expectAnswers &&
        /\r\n\r\n[\s\S]*\}$/.test(received)
      ) {
        socket.end()
      }
    })
    socket.on('close', done)
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? done() : reject(error),
    )
    for (const parts of requests) for (const part of parts) socket.write(part)
  })
}

const head = (length: number | 'chunked') =>
  `POST /api/centagate/login/start HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${url.origin}\r\n` +
  `Content-Type: application/json\r\nx-centagate-kit: 1\r\n` +
  (length === 'chunked' ? 'Transfer-Encoding: chunked\r\n' : `Content-Length: ${length}\r\n`) +
  '\r\n'
const cancelBody = '{"device":{"userAgent":"a","browserFp":"b"}}'
const cancel = `POST /api/centagate/flow/cancel HTTP/1.1\r\nHost: HOST\r\nOrigin: ORIGIN\r\nContent-Type: application/json\r\nx-centagate-kit: 1\r\nContent-Length: ${cancelBody.length}\r\n\r\n${cancelBody}`

describe('Node adapter request bodies', () => {
  it('100 KB with Content-Length → typed 413, and the same connection answers the next request', async () => {
    const body = `{"pad":"${'x'.repeat(100_000)}"}`
    const next = cancel.replace('HOST', url.host).replace('ORIGIN', url.origin)
    const answer = await rawExchange([[head(body.length), body], [next]], 2)
    const answers = answer.split(/(?=HTTP\/1\.1 )/)
    expect(answers[0]).toMatch(/^HTTP\/1\.1 413/)
    expect(answers[0]).toContain('"code":"payload_too_large"')
    expect(answers[0]).toMatch(/content-type: application\/json; charset=utf-8/i)
    expect(answers[1]).toMatch(/^HTTP\/1\.1 200/)
    expect(answers[1]).toContain('"status":"cancelled"')
    expect(upstreamCalls).toBe(0)
  })

  it('1 MB chunked → typed 413', async () => {
    const chunk = 'x'.repeat(64 * 1024)
    const parts = [head('chunked'), `8\r\n{"pad":"\r\n`]
    for (let index = 0; index < 16; index++)
      parts.push(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
    parts.push('2\r\n"}\r\n0\r\n\r\n')
    const answer = await rawExchange([parts], 1)
    expect(answer).toMatch(/^HTTP\/1\.1 413/)
    expect(answer).toContain('"code":"payload_too_large"')
  })

  it('a body far past the cap gets the 413 with Connection: close', async () => {
    const size = 3 * 1024 * 1024
    const answer = await rawExchange([[head(size), Buffer.alloc(size, 0x78)]], 1)
    expect(answer).toMatch(/^HTTP\/1\.1 413/)
    expect(answer).toMatch(/connection: close/i)
  })
})
