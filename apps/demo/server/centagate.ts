/**
 * The whole server-side integration of centagate-kit in the demo bank: read this file to wire the
 * kit into your own app. It configures the kit's Vite plugin (`centagateKit` from
 * `@centagate-kit/server/vite`, used for `vite dev` and `vite preview`):
 *
 * 1. CENTAGATE: a real tenant when CENTAGATE_BASE_URL, CENTAGATE_INTEGRATION_KEY,
 *    CENTAGATE_SECRET_KEY and CENTAGATE_COOKIE_SECRET are set (the plugin reads them and names
 *    every missing one at startup); otherwise the built-in emulator (server/emulator.ts, its own
 *    Vite plugin in this process), whose `upstream()` gives the kit its CENTAGATE config, its
 *    clock and its admin account.
 * 2. Three hooks into the bank:
 *    - identify: who is logged in (the bank's own session cookie), for step-up;
 *    - getTransaction: what a transfer really is (server truth, never the browser's word);
 *    - onAuthenticated: after a login, start the bank's own session;
 *    - onAuditEvent: the audit trail, printed one line per event (server/audit-log.ts).
 * 3. The bank's own API (/api/bank/*), whose "execute transfer" route requires a fresh step-up
 *    bound to that transfer (`kit.requireStepUp`), and whose "log out" ends the CENTAGATE session
 *    with the bank's (`kit.logout`).
 * 4. The settings page's authenticator app is named "Demo Bank: <username>" (`authenticator`).
 */
import type { EmulatorUpstream } from '@centagate-kit/emulator'
import type { CentagateHandler } from '@centagate-kit/server'
import type { CentagateKitViteOptions } from '@centagate-kit/server/vite'
import { type BankApi, createBankApi, sessionCookie, sessionUser, transferIdOf } from './bank-api'
import { printAuditEvent } from './audit-log'
import { createBankStore, formatAmount } from './bank-store'

type Env = Readonly<Record<string, string | undefined>>

export interface DemoKitOptions {
  env?: Env
  /** The built-in emulator's `upstream()`; absent with a real CENTAGATE (read from `env`). */
  emulator?: EmulatorUpstream | undefined
}

export function centagateOptions({
  env = process.env,
  emulator,
}: DemoKitOptions = {}): CentagateKitViteOptions {
  const store = createBankStore()
  const emulated = emulator !== undefined

  // The bank API, once per kit handler (the plugin creates the handler at startup).
  const bankApis = new WeakMap<CentagateHandler, BankApi>()
  const bankApiFor = (kit: CentagateHandler): BankApi => {
    let bankApi = bankApis.get(kit)
    if (!bankApi) {
      bankApi = createBankApi({
        store,
        emulator: emulated,
        // Executing a transfer needs a step-up of at most 5 minutes ago, bound to that transfer.
        requireStepUpForTransfer: kit.requireStepUp({
          maxAgeSeconds: 300,
          transactionId: transferIdOf,
        }),
        // "Log out" ends the CENTAGATE session too (auth/logout).
        endCentagateSession: (request) => kit.logout(request),
      })
      bankApis.set(kit, bankApi)
    }
    return bankApi
  }

  return {
    // Built-in emulator: CENTAGATE is the emulator (its credentials and a fetch into it), the kit
    // shares its clock (the drawer's clock control moves code expiry, cooldowns and lockouts) and
    // enrols tokens as its fixture admin. The kit's cookie secret may come from the env (the e2e
    // journeys run with canary values); otherwise a random per-process secret.
    ...(emulator
      ? {
          ...emulator,
          ...(env.CENTAGATE_COOKIE_SECRET
            ? { cookieSecrets: [{ id: 'demo', secret: env.CENTAGATE_COOKIE_SECRET }] }
            : {}),
        }
      : {}),
    ...(env.CENTAGATE_RECEIPT_SECRET ? { receiptSecret: env.CENTAGATE_RECEIPT_SECRET } : {}),

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

    // How an authenticator app lists the key the settings page provisions.
    authenticator: { issuer: 'Demo Bank' },

    // The audit trail: one line per security-relevant outcome (no secrets in any event).
    onAuditEvent: printAuditEvent,

    // The bank's own API, next to the kit routes.
    appRoutes: {
      '/api/bank/*': async (request, kit) =>
        (await bankApiFor(kit)(request)) ??
        Response.json({ error: { code: 'not_found' } }, { status: 404 }),
    },
  }
}
