// Against the emulator CLI (a separate process, real clock): the kit server over loopback HTTP
// completes a password+SMS login, a QR-signed transaction and an enrolment.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createCentagateHandler, createNodeFetch, toNodeHandler } from '@centagate-kit/server/node'
import { appSessionUser } from '@centagate-kit/testkit/app-session'
import { startEmulatorCli } from '@centagate-kit/testkit/emulator-cli'
import {
  type EmulatorControl,
  createEmulatorControl,
} from '@centagate-kit/testkit/emulator-control'
import { serverTransactions } from '@centagate-kit/testkit/emulator-harness'
import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const credentials = {
  integrationKey: 'cli0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab',
  secretKey: 'CliSecretKey',
}

let emulator: Awaited<ReturnType<typeof startEmulatorCli>>
let device: EmulatorControl
let appUrl: string
let server: ReturnType<typeof createServer>
const nodeFetch = createNodeFetch()

beforeAll(async () => {
  emulator = await startEmulatorCli(credentials)
  device = createEmulatorControl((request) => fetch(request), emulator.url)
  const kit = createCentagateHandler({
    centagate: { ...emulator.upstream.centagate, fetch: nodeFetch },
    cookieSecrets: [{ id: 'k1', secret: 'cli-test-cookie-secret-0123456789abcdefgh' }],
    admin: emulator.upstream.admin,
    identify: (request) => Promise.resolve(appSessionUser(request)),
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
  await emulator.close()
})

describe('kit server against the emulator CLI', () => {
  it('password + SMS login', async () => {
    const browser = createKitBrowser((request) => fetch(request), { origin: appUrl })
    await browser.post('login/start', { username: 'bob', password: 'bob-password' })
    await browser.post('sms/send')
    const done = await browser.post('sms/verify', { code: (await device.lastSms('bob')).code })
    expect(done.body).toMatchObject({ status: 'authenticated', method: 'sms' })
  })

  it('QR-signed transaction shows the server summary in the app', async () => {
    const browser = createKitBrowser((request) => fetch(request), {
      origin: appUrl,
      cookies: { 'app-session': 'alice' },
    })
    await browser.post('stepup/start', { transactionId: 'tx-100' })
    const sent = await browser.post<{ qrValue: string }>('qr/send')
    const scanned = await device.scan(sent.body.qrValue)
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
