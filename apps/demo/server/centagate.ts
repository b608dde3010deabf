/**
 * The whole server-side integration of centagate-kit in the demo bank: read this file to wire the
 * kit into your own app.
 *
 * 1. CENTAGATE: a real tenant when CENTAGATE_BASE_URL, CENTAGATE_INTEGRATION_KEY and
 *    CENTAGATE_SECRET_KEY are set; otherwise the built-in emulator, in this process.
 * 2. The kit handler (`createCentagateHandler`) with three hooks into the app:
 *    - identify: who is logged in (the bank's own session cookie), for step-up;
 *    - getTransaction: what a transfer really is (server truth, never the browser's word);
 *    - onAuthenticated: after a login, start the bank's own session.
 * 3. The bank's own API, whose "execute transfer" route requires a fresh step-up (`requireStepUp`).
 */
import type { Emulator } from '@centagate-kit/emulator'
import {
  type CentagateHandler,
  type CentagateHandlerConfig,
  configFromEnv,
  createCentagateHandler,
} from '@centagate-kit/server/node'
import { createBankApi, sessionCookie, sessionUser, transferIdOf } from './bank-api'
import { type BankStore, createBankStore, formatAmount } from './bank-store'

export interface DemoServer {
  /** The kit routes under /api/centagate. */
  kit: CentagateHandler
  /** The bank's own routes under /api/bank (answers null for other paths). */
  bankApi: (request: Request) => Promise<Response | null>
  /** The built-in emulator, or null when a real CENTAGATE is configured. */
  emulator: Emulator | null
  store: BankStore
}

type Env = Readonly<Record<string, string | undefined>>

/** CENTAGATE connection + secrets: from the environment, or the built-in emulator. */
async function centagateSettings(env: Env) {
  if (env.CENTAGATE_BASE_URL) {
    // configFromEnv names every missing or malformed variable (never its value).
    return { ...configFromEnv(env), emulator: null }
  }
  // Dynamic import: a deployment with a real CENTAGATE never loads the emulator.
  const { createEmulator } = await import('@centagate-kit/emulator')
  const emulator = createEmulator({
    ...(env.CENTAGATE_EMULATOR_INTEGRATION_KEY
      ? { integrationKey: env.CENTAGATE_EMULATOR_INTEGRATION_KEY }
      : {}),
    ...(env.CENTAGATE_EMULATOR_SECRET_KEY ? { secretKey: env.CENTAGATE_EMULATOR_SECRET_KEY } : {}),
  })
  const cookieSecret = env.CENTAGATE_COOKIE_SECRET ?? randomSecret()
  return {
    emulator,
    centagate: {
      baseUrl: 'http://centagate-emulator.invalid',
      ...emulator.credentials,
      // The emulator runs in this process: the kit's upstream calls go straight to its handler.
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        emulator.fetch(new Request(input, init)),
    },
    cookieSecrets: [{ id: 'demo', secret: cookieSecret }],
    admin: {
      username: env.CENTAGATE_ADMIN_USERNAME ?? 'admin',
      password: env.CENTAGATE_ADMIN_PASSWORD ?? 'admin-password',
    },
  }
}

export async function createDemoServer(env: Env = process.env): Promise<DemoServer> {
  const store = createBankStore()
  const { emulator, ...upstream } = await centagateSettings(env)

  const config: CentagateHandlerConfig = {
    ...upstream,
    ...(env.CENTAGATE_RECEIPT_SECRET ? { receiptSecret: env.CENTAGATE_RECEIPT_SECRET } : {}),
    // With the emulator, the kit shares its clock, so "advance the clock" expires both sides.
    ...(emulator ? { now: () => emulator.clock.now() } : {}),

    // Step-up is for the user of the bank's own session; never a name sent by the browser.
    identify: async (request) => {
      const username = sessionUser(store, request)
      return username ? { username } : null
    },

    // What the user signs is the bank's record of the transfer, shown by the kit and sent to
    // CENTAGATE (QR details, SMS text).
    getTransaction: async (request, id) => {
      const transfer = store.transfer(id)
      if (!transfer || transfer.status !== 'pending') return null
      if (transfer.username !== sessionUser(store, request)) return null
      const amount = formatAmount(transfer.amountSen)
      const from = store.accounts(transfer.username).find((a) => a.id === transfer.fromAccountId)
      return {
        view: {
          id: transfer.id,
          summary: `Transfer ${amount} to ${transfer.payeeName} (${transfer.payeeAccount})`,
          fields: [
            { name: 'amount', label: 'Amount', value: amount },
            { name: 'payee', label: 'To', value: transfer.payeeName },
            { name: 'payeeAccount', label: 'Account number', value: transfer.payeeAccount },
            { name: 'from', label: 'From', value: from ? `${from.name} ${from.number}` : '' },
            { name: 'reference', label: 'Reference', value: transfer.reference || '—' },
          ],
        },
        value: (transfer.amountSen / 100).toFixed(2),
      }
    },

    // A completed login starts the bank's own session (HttpOnly cookie on this response).
    onAuthenticated: async (event) => {
      if (event.flow !== 'login') return
      const sessionId = store.createSession(event.username)
      event.headers.append('set-cookie', sessionCookie(event.request, sessionId))
      return { username: event.username }
    },
  }
  const kit = createCentagateHandler(config)

  const bankApi = createBankApi({
    store,
    emulator: emulator !== null,
    // Executing a transfer needs a step-up of at most 5 minutes ago, bound to that transfer.
    requireStepUpForTransfer: kit.requireStepUp({
      maxAgeSeconds: 300,
      transactionId: transferIdOf,
    }),
  })

  return { kit, bankApi, emulator, store }
}

function randomSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
