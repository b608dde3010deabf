// Threat: stack traces from the emulator's HTTP hosts (issue 14, point 6): `Host: localhost:abc`,
// `127.0.0.1:99999` or `x@y` on `/__emulator/*` through the Vite plugin answered 500 ("Invalid
// URL"), and Vite's host check a text 403 before any plugin ran. Raw bytes to the Vite plugin
// (default and open `allowedHosts`) and the CLI's node server: a typed 400 JSON or a normal
// answer, never a 5xx or a stack; a well-formed Host Vite does not allow still meets its 403.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { startEmulatorServer } from './node'
import { centagateEmulator } from './vite'

const badHosts = ['localhost:abc', '127.0.0.1:99999', 'x@y']
const stackText = /\bat [^\n]*:\d+:\d+|Invalid URL|<html|<!doctype/i
const rows: Record<string, string | number>[] = []
afterAll(() => {
  console.log('\nemulator: malformed Host on /__emulator/*')
  console.table(rows)
})

/** One raw request with `Connection: close`; status, head and body as written. */
function raw(port: number, host: string, path: string) {
  return new Promise<{ status: number; head: string; body: string }>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.on('data', (chunk) => (received += chunk.toString('utf8')))
    socket.on('close', () => {
      const [head = '', ...rest] = received.split('\r\n\r\n')
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        head,
        body: rest.join('\r\n\r\n'),
      })
    })
    socket.on('error', reject)
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nx-centagate-kit: 1\r\nConnection: close\r\n\r\n`,
    )
  })
}

describe('malformed Host on the emulator', () => {
  it('the Vite plugin: a typed 400 before and after Vite`s host check', async () => {
    const root = mkdtempSync(join(tmpdir(), 'centagate-emulator-host-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>')
    try {
      for (const allowedHosts of [undefined, true] as const) {
        const server = await createServer({
          configFile: false,
          root,
          logLevel: 'silent',
          plugins: [centagateEmulator()],
          server: {
            port: 0,
            host: '127.0.0.1',
            strictPort: false,
            ws: false,
            ...(allowedHosts ? { allowedHosts } : {}),
          },
        })
        await server.listen()
        const port = (server.httpServer!.address() as AddressInfo).port
        const config = allowedHosts ? 'allowedHosts: true' : 'default allowedHosts'
        try {
          for (const host of badHosts) {
            const answer = await raw(port, host, '/__emulator/stats')
            expect(answer.status, `${config} ${host}: ${answer.body}`).toBe(400)
            expect(answer.head).toMatch(/content-type: application\/json/i)
            expect(JSON.parse(answer.body)).toMatchObject({ error: 'malformed_request' })
            expect(answer.body).not.toMatch(stackText)
            rows.push({ host: `Vite (${config})`, request: `Host: ${host}`, status: answer.status })
          }
          if (allowedHosts === undefined) {
            // Well-formed but not allowed (a rebound DNS name): Vite's own 403, as before.
            const rebound = await raw(port, 'evil.example', '/__emulator/stats')
            expect(rebound.status).toBe(403)
            rows.push({ host: `Vite (${config})`, request: 'Host: evil.example', status: 403 })
          }
        } finally {
          await server.close()
        }
      }
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('the CLI server reads its own origin: a malformed Host is served, never a 5xx', async () => {
    const server = await startEmulatorServer({ port: 0 })
    try {
      for (const host of badHosts) {
        const answer = await raw(server.port, host, '/__emulator/stats')
        expect(answer.status, `${host}: ${answer.body}`).toBe(200)
        expect(answer.body).not.toMatch(stackText)
        rows.push({ host: 'CLI server', request: `Host: ${host}`, status: answer.status })
      }
      // A target that is not a path: the listener's typed 400.
      const star = await raw(server.port, '127.0.0.1', '*')
      expect(star.status).toBe(400)
      expect(JSON.parse(star.body)).toMatchObject({ error: 'malformed_request' })
      rows.push({ host: 'CLI server', request: 'GET * (not a path)', status: star.status })
    } finally {
      await server.close()
    }
  })
})
