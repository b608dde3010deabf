// Threat: stack traces and a poisoned dev server in the demo (issue 14, point 6): `pnpm dev`
// answered `Host: localhost:abc` on the bank API with Vite's 500 HTML page and a stack, and
// `Cookie: demo-session=%E0%A4%A` with "URI malformed"; after one such request every later
// visitor of the dev server saw Vite's error overlay. The demo's own Vite dev server (its plugins:
// emulator, kit, bank API) on a free port, raw bytes over a socket: typed 400 JSON for a malformed
// Host on the bank API, the kit and the emulator's control API, and for a malformed session
// cookie; nothing reaches Vite's error middleware or its websocket; the next page load is clean.
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { fileURLToPath } from 'node:url'
import { type Plugin, type ViteDevServer, createServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPlugins } from './plugins'

const root = fileURLToPath(new URL('..', import.meta.url))
const stackText = /\bat [^\n]*:\d+:\d+|Invalid URL|URI malformed|<html|<!doctype/i
const rows: Record<string, string | number>[] = []

/** What would reach Vite's error middleware, and the errors its websocket would broadcast. */
const seen = { errors: [] as unknown[], broadcasts: [] as unknown[] }
const errorSpy: Plugin = {
  name: 'error-spy',
  configureServer(server: ViteDevServer) {
    const send = server.ws.send.bind(server.ws) as (...args: unknown[]) => void
    server.ws.send = ((...args: unknown[]) => {
      if ((args[0] as { type?: string } | undefined)?.type === 'error')
        seen.broadcasts.push(args[0])
      send(...args)
    }) as typeof server.ws.send
    return () => {
      server.middlewares.use(
        (error: unknown, _request: unknown, _response: unknown, next: (e?: unknown) => void) => {
          seen.errors.push(error)
          next(error)
        },
      )
    }
  },
}

let server: ViteDevServer
let port: number
beforeAll(async () => {
  server = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    // The built-in emulator (no CENTAGATE_BASE_URL), as `pnpm dev` runs it.
    plugins: [...(await demoPlugins({})), errorSpy],
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { port: 0, host: '127.0.0.1', strictPort: false },
  })
  await server.listen()
  port = (server.httpServer!.address() as AddressInfo).port
})
afterAll(async () => {
  await server?.close()
  console.log('\ndemo dev server: malformed Host and cookie')
  console.table(rows)
})

interface RawAnswer {
  status: number
  head: string
  body: string
}

/** One raw HTTP/1.1 request (`Connection: close`); the answer as the server wrote it. */
function raw(lines: string[], body = ''): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8')
    })
    socket.on('close', () => {
      const [head = '', ...rest] = received.split('\r\n\r\n')
      const chunked = /transfer-encoding: chunked/i.test(head)
      let text = rest.join('\r\n\r\n')
      if (chunked) text = text.replace(/^[0-9a-f]+\r\n/, '').replace(/\r\n0\r\n\r\n$/, '')
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body: text })
    })
    socket.on('error', reject)
    socket.end(
      [...lines, `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close', '', body].join(
        '\r\n',
      ),
    )
  })
}

function expectTyped400(answer: RawAnswer, where: string): unknown {
  expect(answer.status, `${where}: ${answer.body.slice(0, 200)}`).toBe(400)
  expect(answer.head, where).toMatch(/content-type: application\/json/i)
  expect(answer.body, where).not.toMatch(stackText)
  return JSON.parse(answer.body) as unknown
}

describe('the demo dev server answers malformed requests with typed 400s', () => {
  it('malformed Host on the bank API, the kit and the control API', async () => {
    for (const host of ['localhost:abc', '127.0.0.1:99999', 'x@y']) {
      for (const [method, path] of [
        ['GET', '/api/bank/session'],
        ['POST', '/api/bank/transfers'],
        ['POST', '/api/centagate/login/start'],
        ['POST', '/__emulator/reset'],
      ] as const) {
        const answer = await raw(
          [`${method} ${path} HTTP/1.1`, `Host: ${host}`, 'Content-Type: application/json'],
          method === 'POST' ? '{}' : '',
        )
        expectTyped400(answer, `${method} ${path} Host ${host}`)
        rows.push({ request: `${method} ${path}`, bad: `Host: ${host}`, status: answer.status })
      }
    }
  })

  it('a malformed session cookie: 400 on the bank API (and cleared), no session for the kit', async () => {
    const host = `127.0.0.1:${port}`
    const cookie = 'Cookie: demo-session=%E0%A4%A'
    const session = await raw(['GET /api/bank/session HTTP/1.1', `Host: ${host}`, cookie])
    expect(expectTyped400(session, 'bank API cookie')).toEqual({
      error: { code: 'invalid_input', fields: ['cookie'] },
    })
    expect(session.head).toMatch(/set-cookie: demo-session=;[^\r\n]*Max-Age=0/i)
    rows.push({ request: 'GET /api/bank/session', bad: 'demo-session=%E0%A4%A', status: 400 })
    // The kit asks the bank who is logged in: nobody (a typed 401, not a 500).
    const stepUp = await raw(
      [
        'POST /api/centagate/stepup/start HTTP/1.1',
        `Host: ${host}`,
        `Origin: http://${host}`,
        'Content-Type: application/json',
        'x-centagate-kit: 1',
        cookie,
      ],
      JSON.stringify({ device: { userAgent: 'raw', browserFp: '' } }),
    )
    expect(stepUp.status).toBe(401)
    expect(JSON.parse(stepUp.body)).toMatchObject({ error: { code: 'unauthenticated' } })
    rows.push({
      request: 'POST /api/centagate/stepup/start',
      bad: 'demo-session=%E0%A4%A',
      status: 401,
    })
  })

  it('nothing reached Vite`s error middleware or websocket; the next visitor gets a clean page', async () => {
    expect(seen.errors).toEqual([])
    expect(seen.broadcasts).toEqual([])
    const page = await fetch(`http://127.0.0.1:${port}/`, { headers: { accept: 'text/html' } })
    expect(page.status).toBe(200)
    expect(await page.text()).toMatch(/<div id="root">/)
  })
})
