// Threat: stack traces and a poisoned dev server (issue 14, point 6; ASVS 7.4.1, 14.3.2): a
// malformed Host (`localhost:abc`, `127.0.0.1:99999`, `x@y`), request target or cookie makes an
// adapter throw "Invalid URL" / "URI malformed" into its framework's error page: a 500 with a
// stack naming the kit's files, and in the Vite dev server an error that Vite's websocket replays
// as an overlay to every later visitor. Raw bytes over a socket to every adapter (node:http,
// Express with requireStepUpExpress, Fastify, Hono on @hono/node-server, Next-style handlers, the
// Vite plugin's kit and app routes) must get a typed 400 JSON with no stack text, and nothing may
// reach Vite's error middleware or its websocket. (The emulator's plugin and listener: in the
// emulator package; the demo's dev server: apps/demo.)
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import '@centagate-kit/testkit/express-cjs-interop'
import type { CentagateHandler } from '@centagate-kit/server'
import { centagateExpress, requireStepUpExpress } from '@centagate-kit/server/express'
import { centagateFastify } from '@centagate-kit/server/fastify'
import { centagateHono, centagateHonoErrorHandler } from '@centagate-kit/server/hono'
import { toNextHandlers } from '@centagate-kit/server/next'
import { createCentagateHandler, toNodeHandler } from '@centagate-kit/server/node'
import { centagateKit } from '@centagate-kit/server/vite'
import express from 'express'
import Fastify from 'fastify'
import { Hono } from 'hono'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Plugin, type ViteDevServer, createServer as createViteServer } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'

const badHosts = ['localhost:abc', '127.0.0.1:99999', 'x@y'] as const
const kitPath = '/api/centagate/login/start'
/** What a stack trace or a framework's error page looks like. */
const stackText = /\bat [^\n]*:\d+:\d+|node-bridge|Invalid URL|URI malformed|<html|<!doctype/i
const rows: Record<string, string | number>[] = []
afterAll(() => {
  console.log('\nmalformed Host / URL / cookie, raw bytes per adapter')
  console.table(rows)
})

function createKit(): CentagateHandler {
  return createCentagateHandler({
    centagate: {
      baseUrl: 'https://cg.test',
      integrationKey: 'ik',
      secretKey: 'sk',
      fetch: () => Promise.reject(new TypeError('no upstream in this test')),
    },
    cookieSecrets: [{ id: 'k1', secret: 'malformed-requests-cookie-secret-0123456789' }],
  })
}

interface RawAnswer {
  status: number
  contentType: string
  body: string
}

/** A chunked body's content. */
function unchunk(chunked: string): string {
  let body = ''
  let rest = chunked
  for (;;) {
    const end = rest.indexOf('\r\n')
    const size = Number.parseInt(rest.slice(0, end), 16)
    if (!(size > 0)) return body
    body += rest.slice(end + 2, end + 2 + size)
    rest = rest.slice(end + 2 + size + 2)
  }
}

/** One raw HTTP/1.1 request on its own socket; the answer is read until the server closes. */
function rawRequest(port: number, lines: string[], body = ''): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8')
      const [head = '', rest = ''] = received.split('\r\n\r\n')
      const length = /content-length: (\d+)/i.exec(head)?.[1]
      if (length !== undefined && Buffer.byteLength(rest) >= Number(length)) socket.end()
      if (/transfer-encoding: chunked/i.test(head) && rest.endsWith('0\r\n\r\n')) socket.end()
    })
    socket.on('close', () => {
      const [head = '', ...rest] = received.split('\r\n\r\n')
      let body = rest.join('\r\n\r\n')
      if (/transfer-encoding: chunked/i.test(head)) body = unchunk(body)
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        contentType: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '',
        body,
      })
    })
    socket.on('error', reject)
    const bytes = Buffer.from(body)
    socket.write(
      [...lines, `Content-Length: ${bytes.length}`, 'Connection: close', '', ''].join('\r\n'),
    )
    socket.write(bytes)
  })
}

const post = (path: string, host: string, extra: string[] = []) => [
  `POST ${path} HTTP/1.1`,
  `Host: ${host}`,
  'Content-Type: application/json',
  'x-centagate-kit: 1',
  ...extra,
]

/** A typed 400: JSON, the kit's error body, no stack text. */
function expectTyped400(answer: RawAnswer, where: string) {
  expect(answer.status, `${where}: ${answer.body.slice(0, 200)}`).toBe(400)
  expect(answer.contentType, where).toMatch(/application\/json/)
  const body = JSON.parse(answer.body) as { error: { code: string } }
  expect(body.error.code, where).toBe('invalid_input')
  expect(answer.body, where).not.toMatch(stackText)
}

async function listen(server: ReturnType<typeof createServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}
async function close(server: ReturnType<typeof createServer>) {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

/** The adapters mounted on node:http servers, by name. */
async function nodeServers(): Promise<
  { name: string; port: number; close: () => Promise<void> }[]
> {
  const kit = createKit()
  const servers: { name: string; port: number; close: () => Promise<void> }[] = []

  const node = createServer(toNodeHandler(kit))
  servers.push({ name: 'node:http', port: await listen(node), close: () => close(node) })

  const app = express()
  app.use(centagateExpress(kit))
  app.post('/api/transfer', requireStepUpExpress(kit, { maxAgeSeconds: 300 }), (_q, r) => {
    r.json({ ok: true })
  })
  const expressServer = createServer(app)
  servers.push({
    name: 'express',
    port: await listen(expressServer),
    close: () => close(expressServer),
  })

  const fastify = Fastify()
  await fastify.register(centagateFastify(kit))
  await fastify.listen({ port: 0, host: '127.0.0.1' })
  servers.push({
    name: 'fastify',
    port: (fastify.server.address() as AddressInfo).port,
    close: () => fastify.close(),
  })

  const hono = new Hono()
  hono.all('/api/centagate/*', centagateHono(kit))
  const honoServer = createServer(
    getRequestListener(hono.fetch, { errorHandler: centagateHonoErrorHandler }),
  )
  servers.push({ name: 'hono', port: await listen(honoServer), close: () => close(honoServer) })
  return servers
}

describe('malformed requests get a typed 400 on every adapter', () => {
  it('node:http, Express, Fastify, Hono: malformed Host; a malformed flow cookie is no flow', async () => {
    const servers = await nodeServers()
    try {
      for (const { name, port } of servers) {
        for (const host of badHosts) {
          const answer = await rawRequest(port, post(kitPath, host), '{}')
          expectTyped400(answer, `${name} Host ${host}`)
          rows.push({ adapter: name, request: `Host: ${host}`, status: answer.status })
        }
        // The kit never percent-decodes its cookies: a malformed one is an unreadable flow.
        const cookie = await rawRequest(
          port,
          post('/api/centagate/sms/send', `127.0.0.1:${port}`, [
            `Origin: http://127.0.0.1:${port}`,
            'Cookie: centagate-flow=%E0%A4%A; demo-session=%E0%A4%A',
          ]),
          JSON.stringify({ device: { userAgent: 'raw', browserFp: '' } }),
        )
        expect(cookie.status, `${name} cookie`).toBe(409)
        expect(JSON.parse(cookie.body)).toMatchObject({ error: { code: 'no_flow' } })
        rows.push({ adapter: name, request: 'Cookie: centagate-flow=%E0%A4%A', status: 409 })
      }
      // Express: an app route guarded by requireStepUpExpress, a malformed Host.
      const expressPort = servers.find((server) => server.name === 'express')!.port
      const guarded = await rawRequest(expressPort, post('/api/transfer', 'localhost:abc'), '{}')
      expectTyped400(guarded, 'requireStepUpExpress Host localhost:abc')
      rows.push({ adapter: 'requireStepUpExpress', request: 'Host: localhost:abc', status: 400 })
      // node:http alone: a target that is not a path.
      const nodePort = servers.find((server) => server.name === 'node:http')!.port
      const target = await rawRequest(nodePort, post('*', '127.0.0.1'), '{}')
      expectTyped400(target, 'node:http target *')
      rows.push({ adapter: 'node:http', request: 'POST * (not a path)', status: target.status })
    } finally {
      for (const server of servers) await server.close()
    }
  })

  it('Next-style handlers: a hostile Host header in the Request gets a typed 4xx', async () => {
    const { POST } = toNextHandlers(createKit())
    for (const host of badHosts) {
      const answer = await POST(
        new Request(`http://127.0.0.1:3000${kitPath}`, {
          method: 'POST',
          headers: { host, 'content-type': 'application/json', 'x-centagate-kit': '1' },
          body: '{}',
        }),
      )
      // Typed whatever the adapter does with the Host: the CSRF refusal (no Origin) while it
      // reads only Next's URL, the typed 400 once it reads the Host the browser sent.
      expect([400, 403]).toContain(answer.status)
      const body = (await answer.json()) as { error: { code: string } }
      expect(['invalid_input', 'csrf_rejected']).toContain(body.error.code)
      rows.push({ adapter: 'next', request: `Host: ${host} (in a Request)`, status: answer.status })
    }
  })
})

describe('Vite dev server: kit routes and app routes', () => {
  const root = mkdtempSync(join(tmpdir(), 'centagate-vite-malformed-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>')
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  /** Records what would reach Vite's error middleware and what its websocket would broadcast. */
  function errorSpy(): Plugin & { errors: unknown[]; broadcasts: unknown[] } {
    const errors: unknown[] = []
    const broadcasts: unknown[] = []
    return {
      name: 'error-spy',
      errors,
      broadcasts,
      configureServer(server: ViteDevServer) {
        const send = server.ws.send.bind(server.ws) as (...args: unknown[]) => void
        server.ws.send = ((...args: unknown[]) => {
          if ((args[0] as { type?: string } | undefined)?.type === 'error') broadcasts.push(args[0])
          send(...args)
        }) as typeof server.ws.send
        // A control: a route that fails on purpose, so the spy is shown to see errors.
        server.middlewares.use('/__spy/throw', (_request, _response, next) => {
          next(new Error('deliberate'))
        })
        // Installed after Vite's own middlewares, before its error middleware.
        return () => {
          server.middlewares.use(
            (
              error: unknown,
              _request: unknown,
              _response: unknown,
              next: (e?: unknown) => void,
            ) => {
              errors.push(error)
              next(error)
            },
          )
        }
      },
    }
  }

  async function devServer(allowedHosts?: true) {
    const spy = errorSpy()
    const server = await createViteServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [
        centagateKit({
          centagate: {
            baseUrl: 'https://cg.test',
            integrationKey: 'ik',
            secretKey: 'sk',
            fetch: () => Promise.reject(new TypeError('no upstream in this test')),
          },
          logger: { debug() {}, info() {}, warn() {}, error() {} },
          appRoutes: {
            '/api/bank/*': (request) =>
              Promise.resolve(Response.json({ path: new URL(request.url).pathname })),
            '/api/broken': () => Promise.reject(new Error('app bug with a stack')),
          },
        }),
        spy,
      ],
      server: {
        port: 0,
        host: '127.0.0.1',
        strictPort: false,
        ...(allowedHosts ? { allowedHosts } : {}),
      },
    })
    await server.listen()
    const port = (server.httpServer!.address() as AddressInfo).port
    return { server, port, spy }
  }

  it('malformed Host on kit and app paths: typed 400s, no error reaches Vite', async () => {
    for (const allowedHosts of [undefined, true] as const) {
      const { server, port, spy } = await devServer(allowedHosts)
      const config = allowedHosts ? 'allowedHosts: true' : 'default allowedHosts'
      try {
        for (const host of badHosts) {
          for (const path of [kitPath, '/api/bank/session']) {
            const answer = await rawRequest(port, post(path, host), '{}')
            expectTyped400(answer, `vite ${config} ${path} Host ${host}`)
            rows.push({
              adapter: `vite (${config})`,
              request: `${path} Host: ${host}`,
              status: 400,
            })
          }
        }
        // A well-formed Host Vite does not allow still meets Vite's own 403 (DNS rebinding).
        if (allowedHosts === undefined) {
          const rebound = await rawRequest(port, post(kitPath, 'evil.example'), '{}')
          expect(rebound.status).toBe(403)
          expect(rebound.body).not.toMatch(stackText)
        }
        // An app route that throws: a typed 500, its stack stays in the terminal.
        const broken = await rawRequest(port, post('/api/broken', `127.0.0.1:${port}`), '{}')
        expect(broken.status).toBe(500)
        expect(JSON.parse(broken.body)).toMatchObject({ error: { code: 'internal_error' } })
        expect(broken.body).not.toMatch(stackText)
        rows.push({ adapter: `vite (${config})`, request: 'app route throws', status: 500 })
        // Nothing reached Vite's error middleware, nothing was broadcast as an overlay...
        expect(spy.errors).toEqual([])
        expect(spy.broadcasts).toEqual([])
        // ...and the next visitor's page loads (no overlay can be replayed: none was sent).
        const page = await fetch(`http://127.0.0.1:${port}/`)
        expect(page.status).toBe(200)
        // The control: an error passed to next() IS seen by the spy (the checks above can fail).
        await rawRequest(port, [`GET /__spy/throw HTTP/1.1`, `Host: 127.0.0.1:${port}`])
        expect(spy.errors).toHaveLength(1)
        expect(spy.broadcasts).toHaveLength(1)
      } finally {
        await server.close()
      }
    }
  })
})
