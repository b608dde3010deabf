/**
 * A kit handler wired like a small banking app, in process in front of the real emulator (no
 * sockets, one clock): the app session is a plain `app-session=<username>` cookie (tests only),
 * transactions live server-side. Every upstream call is recorded (`upstream`), `device` plays the
 * user's phone, token and CENTAGATE app through the emulator's control API.
 */
import {
  type EmulatorOptions,
  type FixturesInput,
  createEmulator,
  defaultFixtures,
  emulatorUpstream,
} from '@centagate-kit/emulator'
import type { TransactionView } from '@centagate-kit/protocol'
import { type CentagateHandlerConfig, createCentagateHandler } from '@centagate-kit/server'
import { appSessionCookieName, appSessionUser } from './app-session'
import { createEmulatorControl } from './emulator-control'
import { createUpstreamRecorder } from './upstream-recorder'

export { appSessionUser } from './app-session'

/** Canaries: the app's keys (the emulator's too) and the cookie secret. */
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

/**
 * The emulator's default fixtures (alice: SMS, token CR0000001, app; bob: SMS; admin), except
 * carol: a second factor is mandatory for her and she has none, so after her password she can only
 * enrol one (the kit's `enrol` step).
 */
export const testAppFixtures: FixturesInput = {
  ...defaultFixtures,
  users: defaultFixtures.users.map((user) =>
    user.username === 'carol' ? { ...user, requireSecondFactor: true } : { ...user },
  ),
}

/** Overrides; an explicit `undefined` removes a default (e.g. `{ admin: undefined }`). */
export type TestAppOverrides = {
  [K in keyof CentagateHandlerConfig]?: CentagateHandlerConfig[K] | undefined
}

/** Emulator options besides its keys and clock (fixtures, settings). */
export type TestAppEmulatorOptions = Omit<
  EmulatorOptions,
  'integrationKey' | 'secretKey' | 'now' | 'logger'
>

/**
 * @param now base clock of the emulator (default `Date.now`); the kit runs on the emulator's clock
 */
export function createTestApp(
  overrides: TestAppOverrides = {},
  now?: () => number,
  emulatorOptions: TestAppEmulatorOptions = {},
) {
  const upstream = createUpstreamRecorder()
  const emulator = createEmulator({
    fixtures: testAppFixtures,
    ...emulatorOptions,
    integrationKey: testSecrets.integrationKey,
    secretKey: testSecrets.secretKey,
    logger: upstream.logger,
    ...(now === undefined ? {} : { now }),
  })
  const wiring = emulatorUpstream(emulator, { baseUrl: 'https://centagate.test' })
  const send = (request: Request) => emulator.fetch(request)
  const authenticated: { flow: string; username: string; method: string }[] = []
  const config: TestAppOverrides = {
    ...wiring,
    centagate: { ...wiring.centagate, fetch: upstream.wrap(send), timeoutMs: 1_000 },
    cookieSecrets: [{ id: 'k1', secret: testSecrets.cookieSecret }],
    identify: (request) => Promise.resolve(appSessionUser(request)),
    getTransaction: (_request, id) => Promise.resolve(transactions[id] ?? null),
    onAuthenticated: (event) => {
      authenticated.push({ flow: event.flow, username: event.username, method: event.method })
      if (event.flow === 'login') {
        event.headers.append(
          'set-cookie',
          `${appSessionCookieName}=${event.username}; Path=/; HttpOnly`,
        )
      }
      return { welcome: event.username }
    },
    ...overrides,
  }
  for (const key of Object.keys(config) as (keyof typeof config)[]) {
    if (config[key] === undefined) delete config[key]
  }
  const handler = createCentagateHandler(config as CentagateHandlerConfig)
  return {
    handler,
    emulator,
    /** The admin account the kit enrols with (the fixtures'), absent when overridden away. */
    admin: config.admin,
    upstream,
    device: createEmulatorControl(send, wiring.centagate.baseUrl),
    authenticated,
  }
}
