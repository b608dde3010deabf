/**
 * Test support: the real emulator (`@centagate-kit/emulator/node`) on loopback, the kit handler
 * served by node:http through `toNodeHandler`, both on port 0, and the emulator's control API
 * (device simulators, clock, faults, stats). The handler's clock is the emulator's clock, so
 * advancing it moves both (lock expiry, cooldowns) without sleeping.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startEmulatorServer } from '@centagate-kit/emulator/node'
import type { TransactionView } from '@centagate-kit/protocol'
import { createCentagateHandler, createNodeFetch, toNodeHandler } from '../adapters/node'
import type { CentagateHandlerConfig } from '../config/handler-config'
import { readCookie } from '../flow/cookies'
import { createKitBrowser } from './kit-browser'

export const serverTransactions: Record<string, { view: TransactionView; value: string }> = {
  'tx-100': {
    view: {
      id: 'tx-100',
      summary: 'Transfer MYR 1,250.00 to Ahmad bin Ali (Maybank 1234)',
      fields: [
        { name: 'amount', label: 'Amount', value: 'MYR 1,250.00' },
        { name: 'payee', label: 'Payee', value: 'Ahmad bin Ali' },
      ],
    },
    value: '1250.00',
  },
}

export async function startEmulatorHarness(overrides: Partial<CentagateHandlerConfig> = {}) {
  const emulator = await startEmulatorServer({ port: 0, host: '127.0.0.1' })
  const { integrationKey, secretKey } = emulator.emulator.credentials
  const nodeFetch = createNodeFetch()
  const now = () => emulator.emulator.clock.now()
  const kit = createCentagateHandler({
    centagate: {
      baseUrl: emulator.url,
      integrationKey,
      secretKey,
      fetch: nodeFetch,
      timeoutMs: 1_000,
    },
    cookieSecrets: [{ id: 'k1', secret: 'emulator-harness-cookie-secret-0123456789' }],
    admin: { username: 'admin', password: 'admin-password' },
    identify: (request) => {
      const user = readCookie(request.headers.get('cookie'), 'app-session')
      return Promise.resolve(user === undefined ? null : { username: user })
    },
    getTransaction: (_request, id) => Promise.resolve(serverTransactions[id] ?? null),
    onAuthenticated: (event) => {
      if (event.flow === 'login') {
        event.headers.append(
          'set-cookie',
          `app-session=${event.username}; Path=/; HttpOnly; SameSite=Lax`,
        )
      }
    },
    now,
    ...overrides,
  })
  const server = createServer(toNodeHandler(kit))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  async function control<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ) {
    const response = await fetch(`${emulator.url}/__emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return (await response.json()) as T
  }
  const stats = async () =>
    control<{ total: number; byEndpoint: Record<string, number> }>('GET', 'stats')

  return {
    emulator,
    kit,
    appUrl,
    now,
    control,
    stats,
    /** Upstream calls so far (all endpoints, or one). */
    upstreamCalls: async (endpoint?: string) => {
      const current = await stats()
      return endpoint === undefined ? current.total : (current.byEndpoint[endpoint] ?? 0)
    },
    browser: (cookies: Record<string, string> = {}) =>
      createKitBrowser((request) => fetch(request), { origin: appUrl, cookies }),
    lastSms: async (username: string) => {
      const { messages } = await control<{ messages: { code: string; text: string }[] }>(
        'GET',
        `outbox?username=${username}`,
      )
      return messages.at(-1)!
    },
    respond: async (serial: string, challenge: string) =>
      (await control<{ otp: string }>('POST', 'token/respond', { serial, challenge })).otp,
    scan: (qrCode: string) =>
      control<{ details: string; otp: string }>('POST', 'app/scan', { qrCode }),
    decide: (username: string, decision: 'approve' | 'reject') =>
      control('POST', 'app/decision', { username, decision }),
    advance: (seconds: number) => control('POST', 'clock', { advanceSeconds: seconds }),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await nodeFetch.close()
      await emulator.close()
    },
  }
}

export type EmulatorHarness = Awaited<ReturnType<typeof startEmulatorHarness>>
