// Each adapter mounted in its real framework, serving one full SMS step-up against the emulator.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import '@centagate-kit/testkit/express-cjs-interop'
import type { CentagateHandler } from '@centagate-kit/server'
import { centagateExpress, requireStepUpExpress } from '@centagate-kit/server/express'
import { centagateFastify } from '@centagate-kit/server/fastify'
import { centagateHono } from '@centagate-kit/server/hono'
import { toNextHandlers } from '@centagate-kit/server/next'
import {
  createCentagateHandler,
  toNodeHandler,
  toWebRequest,
  writeWebResponse,
} from '@centagate-kit/server/node'
import { appSessionUser } from '@centagate-kit/testkit/app-session'
import {
  type EmulatorUnderTest,
  serverTransactions,
  startEmulator,
} from '@centagate-kit/testkit/emulator-harness'
import { runSmsStepUp } from '@centagate-kit/testkit/sms-step-up'
import express from 'express'
import Fastify from 'fastify'
import { Hono } from 'hono'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

let emulator: EmulatorUnderTest
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})
beforeEach(async () => {
  // One emulator for the file: back to the fixtures (SMS cooldowns, outbox) before each framework.
  await emulator.reset()
})

function createKit(): CentagateHandler {
  return createCentagateHandler({
    centagate: { ...emulator.upstream.centagate, timeoutMs: 2_000 },
    cookieSecrets: [{ id: 'k1', secret: 'adapter-test-cookie-secret-0123456789abc' }],
    identify: (request) => Promise.resolve(appSessionUser(request)),
    getTransaction: (_request, id) => Promise.resolve(serverTransactions[id] ?? null),
  })
}

async function listen(server: ReturnType<typeof createServer>) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
async function close(server: ReturnType<typeof createServer>) {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

describe('framework adapters (real frameworks, real emulator)', () => {
  it('node:http via toNodeHandler', async () => {
    const kit = createKit()
    const guard = kit.requireStepUp({ maxAgeSeconds: 300 })
    const listener = toNodeHandler(kit)
    const server = createServer((request, response) =>
      listener(request, response, () => {
        void (async () => {
          const result = await guard(await toWebRequest(request))
          if (result.ok) response.writeHead(200).end('ok')
          else await writeWebResponse(result.response, response)
        })()
      }),
    )
    const url = await listen(server)
    try {
      await runSmsStepUp({ appUrl: url, emulatorUrl: emulator.url, protectedPath: '/api/transfer' })
    } finally {
      await close(server)
    }
  })

  it('Express 5 (kit middleware before express.json, requireStepUpExpress on an app route)', async () => {
    const kit = createKit()
    const app = express()
    app.use(centagateExpress(kit))
    app.use(express.json())
    app.post(
      '/api/transfer',
      requireStepUpExpress(kit, { maxAgeSeconds: 300 }),
      (_request, response) => {
        response.json({
          ok: true,
          by: (response.locals as { stepUp?: { username: string } }).stepUp?.username,
        })
      },
    )
    const server = createServer(app)
    const url = await listen(server)
    try {
      await runSmsStepUp({ appUrl: url, emulatorUrl: emulator.url, protectedPath: '/api/transfer' })
      // Express's own routes keep working and unknown kit paths get the kit's 404.
      const missing = await fetch(`${url}/api/centagate/nope`, { method: 'POST' })
      expect(missing.status).toBe(404)
      // Mounted under its base path, Express strips the prefix from req.url: still served.
      const mounted = express()
      mounted.use('/api/centagate', centagateExpress(kit))
      const second = createServer(mounted)
      const secondUrl = await listen(second)
      try {
        const answer = await fetch(`${secondUrl}/api/centagate/flow/cancel`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: secondUrl,
            'x-centagate-kit': '1',
          },
          body: JSON.stringify({ device: { userAgent: 'a', browserFp: '' } }),
        })
        expect(await answer.json()).toMatchObject({ status: 'cancelled' })
      } finally {
        await close(second)
      }
    } finally {
      await close(server)
    }
  })

  it('Fastify 5 plugin', async () => {
    const kit = createKit()
    const app = Fastify()
    await app.register(centagateFastify(kit))
    const guard = kit.requireStepUp({ maxAgeSeconds: 300 })
    app.post('/api/transfer', async (request, reply) => {
      const result = await guard(
        new Request(`http://${request.headers.host}${request.url}`, {
          headers: { cookie: request.headers.cookie ?? '' },
        }),
      )
      if (result.ok) return { ok: true }
      reply
        .code(result.response.status)
        .header('www-authenticate', result.response.headers.get('www-authenticate'))
      return result.response.text()
    })
    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      await runSmsStepUp({ appUrl: url, emulatorUrl: emulator.url, protectedPath: '/api/transfer' })
      const big = await fetch(`${url}/api/centagate/login/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url, 'x-centagate-kit': '1' },
        body: JSON.stringify({ pad: 'x'.repeat(20_000) }),
      })
      expect(big.status).toBe(413)
    } finally {
      await app.close()
    }
  })

  it('Hono on @hono/node-server', async () => {
    const kit = createKit()
    const app = new Hono()
    app.all('/api/centagate/*', centagateHono(kit))
    const guard = kit.requireStepUp({ maxAgeSeconds: 300 })
    app.post('/api/transfer', async (c) => {
      const result = await guard(c.req.raw)
      return result.ok ? c.json({ ok: true }) : result.response
    })
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      await runSmsStepUp({ appUrl: url, emulatorUrl: emulator.url, protectedPath: '/api/transfer' })
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  it('Next-style route handlers (export const { POST } = toNextHandlers(kit)), served the way Next calls them', async () => {
    const kit = createKit()
    const { POST, GET } = toNextHandlers(kit)
    // A minimal stand-in for Next's router: Web Request in, Web Response out, per method export,
    // and the request URL on Next's own listening address (`http://localhost:<port>`) whatever
    // the Host, as `next start` builds it; the Host header is passed on.
    const server = createServer((request, response) => {
      void (async () => {
        const webRequest = await toWebRequest(request)
        const { pathname, search } = new URL(webRequest.url)
        const { port } = server.address() as AddressInfo
        const nextRequest = new Request(`http://localhost:${port}${pathname}${search}`, {
          method: webRequest.method,
          headers: webRequest.headers,
          body: request.method === 'POST' ? await webRequest.arrayBuffer() : null,
        })
        const route = request.method === 'POST' ? POST : GET
        await writeWebResponse(await route(nextRequest), response)
      })()
    })
    const url = await listen(server)
    try {
      await runSmsStepUp({ appUrl: url, emulatorUrl: emulator.url })
      const get = await fetch(`${url}/api/centagate/login/start`)
      expect(get.status).toBe(405)
    } finally {
      await close(server)
    }
  })
})
