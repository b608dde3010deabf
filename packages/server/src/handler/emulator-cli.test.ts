// Against the emulator CLI (a separate process, real clock): the kit server over loopback HTTP
// completes a password+SMS login, a QR-signed transaction and an enrolment.
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCentagateHandler, createNodeFetch, toNodeHandler } from '../adapters/node'
import { readCookie } from '../flow/cookies'
import { serverTransactions } from '../test-support/emulator-harness'
import { createKitBrowser } from '../test-support/kit-browser'

const bin = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../emulator/bin/centagate-emulator.mjs',
)
const credentials = {
  integrationKey: 'cli0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab',
  secretKey: 'CliSecretKey',
}

let child: ChildProcess
let emulatorUrl: string
let appUrl: string
let server: ReturnType<typeof createServer>
const nodeFetch = createNodeFetch()

beforeAll(async () => {
  child = spawn(
    process.execPath,
    [
      bin,
      '--port',
      '0',
      '--quiet',
      '--integration-key',
      credentials.integrationKey,
      '--secret-key',
      credentials.secretKey,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  )
  emulatorUrl = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`emulator CLI exited with ${code}`)))
  })
  const kit = createCentagateHandler({
    centagate: { baseUrl: emulatorUrl, ...credentials, fetch: nodeFetch },
    cookieSecrets: [{ id: 'k1', secret: 'cli-test-cookie-secret-0123456789abcdefgh' }],
    admin: { username: 'admin', password: 'admin-password' },
    identify: (request) => {
      const user = readCookie(request.headers.get('cookie'), 'app-session')
      return Promise.resolve(user === undefined ? null : { username: user })
    },
    getTransaction: (_request, id) => Promise.resolve(serverTransactions[id] ?? null),
  })
  server = createServer(toNodeHandler(kit))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 30_000)

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await nodeFetch.close()
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
})

const control = async <T>(method: string, path: string, body?: unknown) =>
  (await (
    await fetch(`${emulatorUrl}/__emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  ).json()) as T

describe('kit server against the emulator CLI', () => {
  it('password + SMS login', async () => {
    const browser = createKitBrowser((request) => fetch(request), { origin: appUrl })
    await browser.post('login/start', { username: 'bob', password: 'bob-password' })
    await browser.post('sms/send')
    const { messages } = await control<{ messages: { code: string }[] }>(
      'GET',
      'outbox?username=bob',
    )
    const done = await browser.post('sms/verify', { code: messages.at(-1)!.code })
    expect(done.body).toMatchObject({ status: 'authenticated', method: 'sms' })
  })

  it('QR-signed transaction shows the server summary in the app', async () => {
    const browser = createKitBrowser((request) => fetch(request), {
      origin: appUrl,
      cookies: { 'app-session': 'alice' },
    })
    await browser.post('stepup/start', { transactionId: 'tx-100' })
    const sent = await browser.post<{ qrValue: string }>('qr/send')
    const scanned = await control<{ details: string; otp: string }>('POST', 'app/scan', {
      qrCode: sent.body.qrValue,
    })
    expect(scanned.details).toBe(serverTransactions['tx-100']!.view.summary)
    const done = await browser.post('qr/verify', { otp: scanned.otp })
    expect(done.body).toMatchObject({
      status: 'authenticated',
      flow: 'stepup',
      receipt: { transactionId: 'tx-100' },
    })
  })

  it('enrolment of a stock hardware token through the admin API', async () => {
    const browser = createKitBrowser((request) => fetch(request), {
      origin: appUrl,
      cookies: { 'app-session': 'carol' },
    })
    const answer = await browser.post('tokens/register', { kind: 'hardware', serial: 'CR0000003' })
    expect(answer.body).toMatchObject({ status: 'registered', label: 'CR0000003' })
  })
})
