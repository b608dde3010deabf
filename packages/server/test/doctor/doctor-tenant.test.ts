// Issue 15, point 7, end to end on loopback: the emulator CLI plays a tenant that verifies the
// vendor's Node sample orders (--tenant-orders vendor-samples). `pnpm exec centagate-kit doctor
// --json --username alice --password alice-password` finds them (requestOtpChallenge: authToken
// before integrationKey) without sending an SMS or counting a failure; a kit handler configured
// with the printed signedOrder then logs alice in (password + challenge-response) and signs a
// transaction, while the default configuration meets 23022 as a typed integration_error.
import { execFile } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  type CentagateHandlerConfig,
  createCentagateHandler,
  createNodeFetch,
  toNodeHandler,
} from '@centagate-kit/server/node'
import { appSessionUser } from '@centagate-kit/testkit/app-session'
import { startEmulatorCli } from '@centagate-kit/testkit/emulator-cli'
import {
  type EmulatorControl,
  createEmulatorControl,
} from '@centagate-kit/testkit/emulator-control'
import { serverTransactions } from '@centagate-kit/testkit/emulator-harness'
import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')
const credentials = {
  integrationKey: 'd0c7' + '0123456789abcdef'.repeat(3) + '0123456789ab',
  secretKey: 'DoctorSecret',
}

let emulator: Awaited<ReturnType<typeof startEmulatorCli>>
let device: EmulatorControl
const nodeFetch = createNodeFetch()
const servers: ReturnType<typeof createServer>[] = []
let doctor: { stdout: string; stderr: string }

beforeAll(async () => {
  emulator = await startEmulatorCli(credentials, ['--tenant-orders', 'vendor-samples'])
  device = createEmulatorControl((request) => fetch(request), emulator.url)
  doctor = await run(
    'pnpm',
    [
      'exec',
      'centagate-kit',
      'doctor',
      '--json',
      '--username',
      'alice',
      '--password',
      'alice-password',
    ],
    {
      cwd: repositoryRoot,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        CENTAGATE_BASE_URL: emulator.url,
        CENTAGATE_INTEGRATION_KEY: credentials.integrationKey,
        CENTAGATE_SECRET_KEY: credentials.secretKey,
      },
    },
  )
}, 60_000)

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  await nodeFetch.close()
  await emulator.close()
})

async function startKit(signedOrder?: Record<string, string[]>) {
  const config: CentagateHandlerConfig = {
    centagate: {
      ...emulator.upstream.centagate,
      fetch: nodeFetch,
      ...(signedOrder === undefined ? {} : { signedOrder }),
    },
    cookieSecrets: [{ id: 'k1', secret: 'doctor-test-cookie-secret-0123456789abcdef' }],
    identify: (request) => Promise.resolve(appSessionUser(request)),
    getTransaction: (_request, id) => Promise.resolve(serverTransactions[id] ?? null),
  }
  const server = createServer(toNodeHandler(createCentagateHandler(config)))
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function printedOrders(): Record<string, string[]> {
  return (JSON.parse(doctor.stdout) as { signedOrder: Record<string, string[]> }).signedOrder
}

describe('centagate-kit doctor against --tenant-orders vendor-samples', () => {
  it('reports requestOtpChallenge with authToken before integrationKey, as JSON on stdout', () => {
    const order = printedOrders().requestOtpChallenge!
    expect(order.indexOf('authToken')).toBeGreaterThanOrEqual(0)
    expect(order.indexOf('authToken')).toBeLessThan(order.indexOf('integrationKey'))
    expect(order).not.toContain('otpType')
    expect(doctor.stderr).toContain('requestOtpChallenge: username + devAccId + authToken')
    expect(doctor.stderr).toMatch(/17 signed endpoints, \d+ requests: 17 found/)
    console.info(doctor.stderr.split('\n').at(-3))
  })

  it('was harmless: no SMS, no push, no challenge issued, no failure counted; no secret printed', async () => {
    expect(await device.outbox('alice')).toEqual([])
    expect(await device.pushes('alice')).toEqual([])
    const alice = await device.control<{ failures: number }>('GET', 'users/alice')
    expect(alice.body.failures).toBe(0)
    const output = doctor.stdout + doctor.stderr
    expect(output).not.toContain(credentials.secretKey)
    expect(output).not.toContain('alice-password')
    expect(output).not.toContain(credentials.integrationKey)
  })

  it('the kit with the printed signedOrder logs alice in and signs a transaction end to end', async () => {
    const appUrl = await startKit(printedOrders())
    const browser = createKitBrowser((request) => fetch(request), { origin: appUrl })
    await browser.post('login/start', { username: 'alice', password: 'alice-password' })
    const sent = await browser.post<{ challenge: string }>('challenge/send')
    expect(sent.status).toBe(200)
    const login = await browser.post('challenge/verify', {
      response: await device.respond('CR0000001', sent.body.challenge),
    })
    expect(login.body).toMatchObject({
      status: 'authenticated',
      flow: 'login',
      method: 'challenge',
    })

    const stepUp = createKitBrowser((request) => fetch(request), {
      origin: appUrl,
      cookies: { 'app-session': 'alice' },
    })
    await stepUp.post('stepup/start', { transactionId: 'tx-100' })
    const challenge = await stepUp.post<{ challenge: string }>('challenge/send')
    const signed = await stepUp.post('challenge/verify', {
      response: await device.respond('CR0000001', challenge.body.challenge),
    })
    expect(signed.body).toMatchObject({
      status: 'authenticated',
      flow: 'stepup',
      receipt: { transactionId: 'tx-100' },
    })
  })

  it('the kit with the default orders gets 23022 as a typed integration_error', async () => {
    const appUrl = await startKit()
    const browser = createKitBrowser((request) => fetch(request), { origin: appUrl })
    // authBasic's vendor order is the kit's default: the password step passes.
    const start = await browser.post('login/start', {
      username: 'alice',
      password: 'alice-password',
    })
    expect(start.body).toMatchObject({ status: 'factor_required' })
    const sent = await browser.post('challenge/send')
    expect(sent.status).toBe(502)
    expect(sent.body).toMatchObject({ error: { code: 'integration_error', returnCode: '23022' } })
  })
})
