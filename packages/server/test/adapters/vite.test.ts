// The Vite plugin in a real Vite dev server and `vite preview`: the kit and the app's routes,
// against a CENTAGATE given as config (here the emulator on loopback, wired in from the test's
// side, as the demo wires the emulator's own Vite plugin). No CENTAGATE: the server refuses to start.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type CentagateKitViteOptions, centagateKit } from '@centagate-kit/server/vite'
import { appSessionUser } from '@centagate-kit/testkit/app-session'
import {
  type EmulatorUnderTest,
  serverTransactions,
  startEmulator,
} from '@centagate-kit/testkit/emulator-harness'
import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { runSmsStepUp } from '@centagate-kit/testkit/sms-step-up'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, preview } from 'vite'

const root = mkdtempSync(join(tmpdir(), 'centagate-vite-'))
writeFileSync(join(root, 'index.html'), '<!doctype html><title>demo</title>')
let emulator: EmulatorUnderTest
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
  rmSync(root, { recursive: true, force: true })
})

const appOptions: CentagateKitViteOptions = {
  env: {},
  identify: (request) => Promise.resolve(appSessionUser(request)),
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
// CENTAGATE, the shared clock and the admin account, as the emulator hands them out.
const options = (): CentagateKitViteOptions => ({ ...appOptions, ...emulator.upstream })

describe('centagateKit() Vite plugin', () => {
  it('vite dev: kit + app routes against the configured CENTAGATE', async () => {
    const server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [centagateKit(options())],
      server: { port: 0, host: '127.0.0.1', strictPort: false, ws: false },
    })
    await server.listen()
    const url = server.resolvedUrls!.local[0]!.replace(/\/$/, '')
    try {
      await emulator.reset()
      await runSmsStepUp({ appUrl: url, emulatorUrl: emulator.url, protectedPath: '/api/transfer' })
      expect(await emulator.upstreamCalls()).toBeGreaterThan(0)
      expect(await (await fetch(`${url}/api/accounts/42`)).json()).toEqual({
        path: '/api/accounts/42',
      })
      // One clock: after the emulator's clock jumps an hour the kit still signs valid timestamps.
      await emulator.advance(3600)
      const after = createKitBrowser((request) => fetch(request), { origin: url })
      expect(
        (await after.post('login/start', { username: 'bob', password: 'bob-password' })).status,
      ).toBe(200)
      // Other paths still reach Vite; the plugin serves nothing of the emulator's.
      expect((await fetch(`${url}/`)).status).toBe(200)
      const control = await fetch(`${url}/__emulator/stats`)
      expect(control.headers.get('content-type') ?? '').not.toMatch(/json/)
    } finally {
      await server.close()
    }
  })

  it('refuses to start without a CENTAGATE (no fallback), naming what is missing', async () => {
    await expect(
      createServer({
        configFile: false,
        root,
        logLevel: 'silent',
        plugins: [centagateKit(appOptions)],
        server: { port: 0, host: '127.0.0.1', strictPort: false, ws: false },
      }),
    ).rejects.toThrow(/CENTAGATE_BASE_URL/)
  })

  it('vite preview mounts the same', async () => {
    const server = await preview({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [centagateKit(options())],
      preview: { port: 0, host: '127.0.0.1' },
      build: { outDir: root },
    })
    const url = server.resolvedUrls!.local[0]!.replace(/\/$/, '')
    try {
      await emulator.reset()
      await runSmsStepUp({ appUrl: url, emulatorUrl: emulator.url, protectedPath: '/api/transfer' })
    } finally {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
    }
  })
})
