/**
 * A CENTAGATE for the kit's tests: the real emulator (`@centagate-kit/emulator/node`) on loopback
 * port 0, with its control API (device simulators, clock, faults, stats). `startEmulatorHarness`
 * also serves a kit handler through node:http (`toNodeHandler`) in front of it. The kit's clock is
 * the emulator's, so advancing it moves both (lock expiry, cooldowns) without sleeping.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { emulatorUpstream } from '@centagate-kit/emulator'
import { type EmulatorServerOptions, startEmulatorServer } from '@centagate-kit/emulator/node'
import type { TransactionView } from '@centagate-kit/protocol'
import {
  type CentagateHandlerConfig,
  createCentagateHandler,
  createNodeFetch,
  toNodeHandler,
} from '@centagate-kit/server/node'
import { appSessionCookieName, appSessionUser } from './app-session'
import { createEmulatorControl } from './emulator-control'
import { createKitBrowser } from './kit-browser'

/** Every fault the emulator can inject (a suite that covers them all asserts this list). */
export { faultKinds, type FaultKind } from '@centagate-kit/emulator'

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

/**
 * The emulator alone on loopback: `upstream` is what a kit under test is configured with
 * (`centagate` over real HTTP, the emulator's clock as `now`, the fixture admin).
 */
export async function startEmulator(options: EmulatorServerOptions = {}) {
  const server = await startEmulatorServer({ port: 0, host: '127.0.0.1', ...options })
  // Over HTTP: the kit uses its own client, not the in-process fetch.
  const {
    centagate: { fetch: _inProcess, ...centagate },
    ...rest
  } = emulatorUpstream(server.emulator, { baseUrl: server.url })
  return {
    url: server.url,
    upstream: { ...rest, centagate },
    ...createEmulatorControl((request) => fetch(request), server.url),
    close: () => server.close(),
  }
}

export type EmulatorUnderTest = Awaited<ReturnType<typeof startEmulator>>

export async function startEmulatorHarness(overrides: Partial<CentagateHandlerConfig> = {}) {
  const emulator = await startEmulator()
  const nodeFetch = createNodeFetch()
  const kit = createCentagateHandler({
    ...emulator.upstream,
    centagate: { ...emulator.upstream.centagate, fetch: nodeFetch, timeoutMs: 1_000 },
    cookieSecrets: [{ id: 'k1', secret: 'emulator-harness-cookie-secret-0123456789' }],
    identify: (request) => Promise.resolve(appSessionUser(request)),
    getTransaction: (_request, id) => Promise.resolve(serverTransactions[id] ?? null),
    onAuthenticated: (event) => {
      if (event.flow === 'login') {
        event.headers.append(
          'set-cookie',
          `${appSessionCookieName}=${event.username}; Path=/; HttpOnly; SameSite=Lax`,
        )
      }
    },
    ...overrides,
  })
  const server = createServer(toNodeHandler(kit))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const { url: _url, upstream, close: closeEmulator, ...control } = emulator
  return {
    ...control,
    kit,
    appUrl,
    emulatorUrl: emulator.url,
    now: upstream.now,
    browser: (cookies: Record<string, string> = {}) =>
      createKitBrowser((request) => fetch(request), { origin: appUrl, cookies }),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await nodeFetch.close()
      await closeEmulator()
    },
  }
}

export type EmulatorHarness = Awaited<ReturnType<typeof startEmulatorHarness>>
