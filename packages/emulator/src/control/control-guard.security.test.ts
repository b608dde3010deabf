// Threat: the emulator's control API is writable cross-site (issue 14, point 7; CSRF): any page the
// developer visits could POST `text/plain` to `/__emulator/app/decision` (approving a pending QR
// login), `reset`, `faults` or `clock` on the dev server, because the browser sends such a
// "simple" request without asking. Every host of the control API (in-process `emulator.fetch`,
// the CLI's node server, the Vite plugin) must refuse a browser's cross-site Origin or
// Sec-Fetch-Site (403), a write without the kit's custom header (403) or without JSON (415), while
// a same-origin drawer request and a non-browser client sending the header keep working. Issue 15's
// device simulators (push decisions, authenticator codes, app activation) sit behind the same guard.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Harness, startHarness } from '@centagate-kit/testkit/emulator-test-server'
import { createServer } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { type Emulator, createEmulator } from '../emulator'
import { textToBase64 } from '../encoding'
import { centagateEmulator } from '../vite'

const evil = 'https://evil.example'
const json = 'application/json'
const rows: Record<string, string | number>[] = []
afterAll(() => {
  console.log('\nemulator control API: what a foreign page can send')
  console.table(rows)
})

interface Case {
  name: string
  method: string
  path: string
  headers: (origin: string) => Record<string, string>
  body?: string
  status: number
  error?: string
}

const header = { 'x-centagate-kit': '1' }
const cases: Case[] = [
  {
    name: 'cross-site text/plain POST (a form or no-cors fetch)',
    method: 'POST',
    path: 'reset',
    headers: () => ({ 'content-type': 'text/plain', origin: evil, 'sec-fetch-site': 'cross-site' }),
    body: '{}',
    status: 403,
    error: 'cross_site_refused',
  },
  {
    name: 'JSON with the header, Origin https://evil.example',
    method: 'POST',
    path: 'reset',
    headers: () => ({ 'content-type': json, ...header, origin: evil }),
    body: '{}',
    status: 403,
    error: 'cross_site_refused',
  },
  {
    name: 'JSON with the header, Sec-Fetch-Site: same-site',
    method: 'POST',
    path: 'clock',
    headers: () => ({ 'content-type': json, ...header, 'sec-fetch-site': 'same-site' }),
    body: JSON.stringify({ advanceSeconds: 60 }),
    status: 403,
    error: 'cross_site_refused',
  },
  {
    name: 'cross-site GET of the SMS outbox',
    method: 'GET',
    path: 'outbox?username=alice',
    headers: () => ({ 'sec-fetch-site': 'cross-site' }),
    status: 403,
    error: 'cross_site_refused',
  },
  {
    name: 'text/plain POST without Origin or header (curl)',
    method: 'POST',
    path: 'faults',
    headers: () => ({ 'content-type': 'text/plain' }),
    body: JSON.stringify({ endpoint: '*', kind: 'http_error' }),
    status: 403,
    error: 'custom_header_required',
  },
  {
    name: 'JSON without the header',
    method: 'DELETE',
    path: 'faults',
    headers: () => ({ 'content-type': json }),
    status: 403,
    error: 'custom_header_required',
  },
  {
    name: 'the header, but text/plain',
    method: 'POST',
    path: 'reset',
    headers: () => ({ 'content-type': 'text/plain', ...header }),
    body: '{}',
    status: 415,
    error: 'json_required',
  },
  {
    name: "same-origin drawer request (the page's own Origin)",
    method: 'POST',
    path: 'clock',
    headers: (origin) => ({
      'content-type': json,
      ...header,
      origin,
      'sec-fetch-site': 'same-origin',
    }),
    body: JSON.stringify({ advanceSeconds: 1 }),
    status: 200,
  },
  {
    name: 'non-browser client with the header (tests, scripts, curl)',
    method: 'DELETE',
    path: 'faults',
    headers: () => ({ 'content-type': json, ...header }),
    status: 200,
  },
  // Issue 15's device simulators: the same guard covers their routes.
  {
    name: 'cross-site text/plain POST of a push decision',
    method: 'POST',
    path: 'app/pushes/decision',
    headers: () => ({ 'content-type': 'text/plain', origin: evil, 'sec-fetch-site': 'cross-site' }),
    body: JSON.stringify({ username: 'alice', decision: 'approve' }),
    status: 403,
    error: 'cross_site_refused',
  },
  {
    name: 'JSON app activation without the header',
    method: 'POST',
    path: 'app/activate',
    headers: () => ({ 'content-type': json }),
    body: JSON.stringify({ qr: 'x', passcode: '123456' }),
    status: 403,
    error: 'custom_header_required',
  },
  {
    name: "cross-site GET of a user's current authenticator codes",
    method: 'GET',
    path: 'authenticators?username=alice',
    headers: () => ({ origin: evil, 'sec-fetch-site': 'cross-site' }),
    status: 403,
    error: 'cross_site_refused',
  },
  {
    name: 'cross-site GET of pending app activations',
    method: 'GET',
    path: 'app/activations?username=alice',
    headers: () => ({ 'sec-fetch-site': 'cross-site' }),
    status: 403,
    error: 'cross_site_refused',
  },
  {
    name: 'a GET typed in the address bar (Sec-Fetch-Site: none)',
    method: 'GET',
    path: 'stats',
    headers: () => ({ 'sec-fetch-site': 'none' }),
    status: 200,
  },
]

type Send = (path: string, init: RequestInit) => Promise<Response>

/** What a refused write must leave alone: the faults on record and the clock's offset. */
async function stateOf(send: Send, emulator: Emulator): Promise<string> {
  const listed = (await (await send('faults', { method: 'GET' })).json()) as { faults: unknown[] }
  return `${listed.faults.length} faults, clock offset ${emulator.export().clockOffsetMs} ms`
}

/** Runs every case against one host of the control API; a refused write changed nothing. */
async function runCases(host: string, origin: string, send: Send, emulator: Emulator) {
  // A fault on record: a refused reset or DELETE must leave it there.
  const added = await send('faults', {
    method: 'POST',
    headers: { 'content-type': json, ...header },
    body: JSON.stringify({ endpoint: 'authBasic', kind: 'http_error', count: 1 }),
  })
  expect(added.status).toBe(201)
  for (const entry of cases) {
    const before = await stateOf(send, emulator)
    const response = await send(entry.path, {
      method: entry.method,
      headers: entry.headers(origin),
      ...(entry.body === undefined ? {} : { body: entry.body }),
    })
    const body = (await response.json()) as { error?: string }
    expect(response.status, `${host}: ${entry.name}`).toBe(entry.status)
    if (entry.error !== undefined) {
      expect(body.error, `${host}: ${entry.name}`).toBe(entry.error)
      expect(await stateOf(send, emulator), `${host}: ${entry.name} changed nothing`).toBe(before)
    }
    rows.push({ host, request: entry.name, status: response.status, error: body.error ?? '' })
  }
}

describe('control API refuses what a foreign page can send', () => {
  it('in process (emulator.fetch: Storybook, tests)', async () => {
    const emulator = createEmulator()
    const origin = 'http://emulator.test'
    const send: Send = (path, init) =>
      emulator.fetch(new Request(`${origin}/__emulator/${path}`, init))
    await runCases('emulator.fetch', origin, send, emulator)
  })

  it('the CLI node server: the issue`s attack on a pending QR login fails', async () => {
    const h: Harness = await startHarness()
    try {
      const send: Send = (path, init) => fetch(`${h.server.url}/__emulator/${path}`, init)
      await runCases('CLI server', h.server.url, send, h.server.emulator)

      // alice has a QR login pending in the app...
      const first = await h.login('alice')
      const qr = await h.client.call('requestQrCode', {
        username: 'alice',
        devAccId: first.result.text('defAccId'),
        details: textToBase64('Login to Demo Bank'),
        authToken: first.authToken,
      })
      const poll = () =>
        h.client.call('statecheck', {
          username: 'alice',
          authMethod: 'QRCODE',
          authToken: qr.text('authToken'),
        })
      // ...a foreign page posts the decision as the report did: refused, the login stays pending.
      const attack = await send('app/decision', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin: evil, 'sec-fetch-site': 'cross-site' },
        body: JSON.stringify({ username: 'alice', decision: 'approve' }),
      })
      expect(attack.status).toBe(403)
      expect((await poll()).code).toBe('23007')
      rows.push({
        host: 'CLI server',
        request: 'cross-site app/decision approve',
        status: 403,
        error: 'cross_site_refused',
      })
      // The user's own phone (the harness, with the header) still decides.
      expect((await h.decide('alice', 'approve')).status).toBe(200)
      expect((await poll()).code).toBe('0')

      // The same attack on a pending push (issue 15's app/pushes/decision) fails too.
      const second = await h.login('alice')
      const push = await h.client.call('requestMobilePushCR', {
        username: 'alice',
        details: textToBase64('Sign in to Demo Bank'),
        authToken: second.authToken,
      })
      const pollPush = () =>
        h.client.call('statecheck', {
          username: 'alice',
          authMethod: 'PUSH',
          authToken: push.text('authToken'),
        })
      const pushAttack = await send('app/pushes/decision', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin: evil, 'sec-fetch-site': 'cross-site' },
        body: JSON.stringify({ username: 'alice', decision: 'approve' }),
      })
      expect(pushAttack.status).toBe(403)
      expect((await pollPush()).code).toBe('23007')
      expect(await h.pushes('alice')).toHaveLength(1)
      rows.push({
        host: 'CLI server',
        request: 'cross-site app/pushes/decision approve',
        status: 403,
        error: 'cross_site_refused',
      })
      expect((await h.decidePush('alice', 'approve')).status).toBe(200)
      expect((await pollPush()).code).toBe('0')
    } finally {
      await h.close()
    }
  })

  it('the Vite plugin (dev server)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'centagate-control-guard-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>')
    const plugin = centagateEmulator()
    const server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [plugin],
      server: { port: 0, host: '127.0.0.1', strictPort: false, ws: false },
    })
    await server.listen()
    const url = server.resolvedUrls!.local[0]!.replace(/\/$/, '')
    try {
      const send: Send = (path, init) => fetch(`${url}/__emulator/${path}`, init)
      await runCases('Vite dev server', url, send, plugin.emulator)
    } finally {
      await server.close()
      rmSync(root, { recursive: true, force: true })
    }
  })
})
