// The emulator's Vite plugin in a real Vite dev server and `vite preview`: the control API is
// mounted, CENTAGATE itself is reached in-process through upstream(), nothing else is touched.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createServer, preview } from 'vite'
import { defaultFixtures } from './fixtures/default-fixtures'
import { centagateEmulator } from './vite'

const root = mkdtempSync(join(tmpdir(), 'centagate-emulator-vite-'))
writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>')
afterAll(() => rmSync(root, { recursive: true, force: true }))

async function devServer(plugin: ReturnType<typeof centagateEmulator>) {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [plugin],
    server: { port: 0, host: '127.0.0.1', strictPort: false, ws: false },
  })
  await server.listen()
  return { server, url: server.resolvedUrls!.local[0]!.replace(/\/$/, '') }
}

describe('centagateEmulator() Vite plugin', () => {
  it('vite dev: the control API is mounted and moves the clock upstream() hands to the kit', async () => {
    const plugin = centagateEmulator()
    const { server, url } = await devServer(plugin)
    try {
      const upstream = plugin.upstream()
      expect(upstream.centagate).toMatchObject({
        baseUrl: 'http://centagate-emulator.internal',
        ...plugin.emulator.credentials,
      })
      expect(upstream.admin).toEqual({ username: 'admin', password: 'admin-password' })
      const before = upstream.now()
      const clock = await fetch(`${url}/__emulator/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-centagate-kit': '1' },
        body: JSON.stringify({ advanceSeconds: 3600 }),
      })
      expect(clock.status).toBe(200)
      expect(upstream.now() - before).toBeGreaterThanOrEqual(3_600_000)
      // The kit's fetch goes into the same emulator, in-process.
      const reply = await upstream.centagate.fetch(
        `${upstream.centagate.baseUrl}/v2/CentagateWS/webresources/auth/authBasic`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      )
      expect(reply.status).toBe(200)
      const stats = (await (await fetch(`${url}/__emulator/stats`)).json()) as {
        byEndpoint: Record<string, number>
      }
      expect(stats.byEndpoint.authBasic).toBe(1)
      // CENTAGATE paths are not served over HTTP, and other paths still reach Vite.
      const overHttp = await fetch(`${url}/v2/CentagateWS/webresources/auth/authBasic`, {
        method: 'POST',
        body: '{}',
      })
      expect(overHttp.headers.get('content-type') ?? '').not.toMatch(/json/)
      expect((await fetch(`${url}/`)).status).toBe(200)
    } finally {
      await server.close()
    }
  })

  it('answers 404 on /__emulator/* when the control API is off (never the app page)', async () => {
    const { server, url } = await devServer(centagateEmulator({ controlApi: false }))
    try {
      const stats = await fetch(`${url}/__emulator/stats`)
      expect(stats.status).toBe(404)
      expect(await stats.text()).not.toMatch(/<title>app<\/title>/)
      expect((await fetch(`${url}/`)).status).toBe(200)
    } finally {
      await server.close()
    }
  })

  it('upstream() names no admin when the fixtures have none', () => {
    const plugin = centagateEmulator({
      fixtures: {
        ...defaultFixtures,
        users: defaultFixtures.users.filter((user) => user.username !== 'admin'),
      },
    })
    expect(plugin.upstream()).not.toHaveProperty('admin')
  })

  it('vite preview mounts the same', async () => {
    const plugin = centagateEmulator()
    const server = await preview({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [plugin],
      preview: { port: 0, host: '127.0.0.1' },
      build: { outDir: root },
    })
    const url = server.resolvedUrls!.local[0]!.replace(/\/$/, '')
    try {
      const outbox = await fetch(`${url}/__emulator/outbox?username=alice`)
      expect(await outbox.json()).toEqual({ messages: [] })
    } finally {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
    }
  })
})
