// The Vite plugin in a real Vite dev server and `vite preview`: with no CENTAGATE configured it
// runs the emulator in-process, mounts its /__emulator control API, the kit, and the app's routes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createServer, preview } from 'vite'
import { readCookie } from '../flow/cookies'
import { serverTransactions } from '../test-support/emulator-harness'
import { createKitBrowser } from '../test-support/kit-browser'
import { runSmsStepUp } from '../test-support/sms-step-up'
import { type CentagateKitViteOptions, centagateKit } from './vite'

const root = mkdtempSync(join(tmpdir(), 'centagate-vite-'))
writeFileSync(join(root, 'index.html'), '<!doctype html><title>demo</title>')
afterAll(() => rmSync(root, { recursive: true, force: true }))

const options: CentagateKitViteOptions = {
  env: {},
  identify: (request) => {
    const user = readCookie(request.headers.get('cookie'), 'app-session')
    return Promise.resolve(user === undefined ? null : { username: user })
  },
  getTransaction: (_request, id) => Promise.resolve(serverTransactions[id] ?? null),
  appRoutes: {
    '/api/accounts/*': (request) =>
      Promise.resolve(Response.json({ path: new URL(request.url).pathname })),
    '/api/transfer': async (request, kit) => {
      const result = await kit.requireStepUp({ maxAgeSeconds: 300 })(request)
      return result.ok ? Response.json({ ok: true }) : result.response
    },
  },
}

describe('centagateKit() Vite plugin', () => {
  it('vite dev: kit + in-process emulator + control API + app route', async () => {
    const server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [centagateKit(options)],
      server: { port: 0, host: '127.0.0.1', strictPort: false, ws: false },
    })
    await server.listen()
    const url = server.resolvedUrls!.local[0]!.replace(/\/$/, '')
    try {
      await runSmsStepUp({ appUrl: url, emulatorUrl: url, protectedPath: '/api/transfer' })
      const stats = (await (await fetch(`${url}/__emulator/stats`)).json()) as { total: number }
      expect(stats.total).toBeGreaterThan(0)
      expect(await (await fetch(`${url}/api/accounts/42`)).json()).toEqual({
        path: '/api/accounts/42',
      })
      // One clock: after the emulator's clock jumps an hour the kit still signs valid timestamps.
      await fetch(`${url}/__emulator/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceSeconds: 3600 }),
      })
      const after = createKitBrowser((request) => fetch(request), { origin: url })
      expect(
        (await after.post('login/start', { username: 'bob', password: 'bob-password' })).status,
      ).toBe(200)
      // Other paths still reach Vite.
      expect((await fetch(`${url}/`)).status).toBe(200)
    } finally {
      await server.close()
    }
  })

  it('answers 404 on /__emulator/* when the control API is off (never the app page)', async () => {
    const server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [centagateKit({ ...options, emulatorControlApi: false })],
      server: { port: 0, host: '127.0.0.1', strictPort: false, ws: false },
    })
    await server.listen()
    const url = server.resolvedUrls!.local[0]!.replace(/\/$/, '')
    try {
      const stats = await fetch(`${url}/__emulator/stats`)
      expect(stats.status).toBe(404)
      expect(await stats.json()).toEqual({ error: 'not_found' })
      expect((await fetch(`${url}/`)).status).toBe(200)
    } finally {
      await server.close()
    }
  })

  it('vite preview mounts the same', async () => {
    const server = await preview({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [centagateKit(options)],
      preview: { port: 0, host: '127.0.0.1' },
      build: { outDir: root },
    })
    const url = server.resolvedUrls!.local[0]!.replace(/\/$/, '')
    try {
      await runSmsStepUp({ appUrl: url, emulatorUrl: url, protectedPath: '/api/transfer' })
    } finally {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
    }
  })
})
