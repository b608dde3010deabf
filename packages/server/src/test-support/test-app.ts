/**
 * Test support: a handler wired like a small banking app — the app session is a plain
 * `app-session=<username>` cookie (tests only), transactions live server-side.
 */
import type { TransactionView } from '@centagate-kit/protocol'
import type { CentagateHandlerConfig } from '../config/handler-config'
import { readCookie } from '../flow/cookies'
import { createCentagateHandler } from '../handler/create-centagate-handler'
import { createFakeCentagate } from './fake-centagate'

export const testSecrets = {
  secretKey: 'SECRETKEY-canary-aaaa',
  integrationKey: 'INTEGRATIONKEY-canary-0123456789abcdef0123456789abcdef012345',
  cookieSecret: 'cookie-secret-canary-0123456789abcdefghijkl',
}

export const transactions: Record<string, { view: TransactionView; value: string }> = {
  'tx-1': {
    view: {
      id: 'tx-1',
      summary: 'Transfer MYR 1,250.00 to Ahmad (1234)',
      fields: [
        { name: 'amount', label: 'Amount', value: 'MYR 1,250.00' },
        { name: 'payee', label: 'Payee', value: 'Ahmad' },
      ],
    },
    value: '1250.00',
  },
}

export function appSessionUser(request: Request): { username: string } | null {
  const user = readCookie(request.headers.get('cookie'), 'app-session')
  return user === undefined ? null : { username: user }
}

/** Overrides; an explicit `undefined` removes a default (e.g. `{ admin: undefined }`). */
export type TestAppOverrides = {
  [K in keyof CentagateHandlerConfig]?: CentagateHandlerConfig[K] | undefined
}

export function createTestApp(overrides: TestAppOverrides = {}, now?: () => number) {
  const fake = createFakeCentagate({
    secretKey: testSecrets.secretKey,
    integrationKey: testSecrets.integrationKey,
    ...(now === undefined ? {} : { now }),
  })
  const authenticated: { flow: string; username: string; method: string }[] = []
  const config: TestAppOverrides = {
    centagate: {
      baseUrl: 'https://centagate.test',
      integrationKey: testSecrets.integrationKey,
      secretKey: testSecrets.secretKey,
      fetch: fake.fetch,
      timeoutMs: 1_000,
    },
    cookieSecrets: [{ id: 'k1', secret: testSecrets.cookieSecret }],
    admin: { username: 'admin', password: 'admin-password' },
    identify: (request) => Promise.resolve(appSessionUser(request)),
    getTransaction: (_request, id) => Promise.resolve(transactions[id] ?? null),
    onAuthenticated: (event) => {
      authenticated.push({ flow: event.flow, username: event.username, method: event.method })
      if (event.flow === 'login')
        event.headers.append('set-cookie', `app-session=${event.username}; Path=/; HttpOnly`)
      return { welcome: event.username }
    },
    ...(now === undefined ? {} : { now }),
    ...overrides,
  }
  for (const key of Object.keys(config) as (keyof typeof config)[]) {
    if (config[key] === undefined) delete config[key]
  }
  const handler = createCentagateHandler(config as CentagateHandlerConfig)
  return { handler, fake, authenticated }
}
