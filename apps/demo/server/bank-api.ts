/**
 * The demo bank's own API under /api/bank: nothing CENTAGATE-specific except one line, the
 * `requireStepUp` guard on executing a transfer. Web-standard `(Request) => Response`, so the same
 * code runs in the Vite dev server, `vite preview` or any framework.
 *
 *   GET  /api/bank/config                 { emulator }        (the browser shows the device drawer)
 *   GET  /api/bank/session                { user } | { user: null }
 *   POST /api/bank/logout
 *   GET  /api/bank/accounts               { accounts, transfers }
 *   POST /api/bank/transfers              { fromAccountId, payeeName, payeeAccount, amount, reference } -> { transfer }
 *   POST /api/bank/transfers/:id/execute  guarded by a fresh step-up bound to that transfer
 */
import { isDisplayText } from '@centagate-kit/protocol'
import { z } from 'zod'
import { type BankStore, type Transfer, formatAmount } from './bank-store'

export const sessionCookieName = 'demo-session'

/** What the step-up guard answers: the request may go on, or the 401 to send back. */
export type StepUpGuard = (
  request: Request,
) => Promise<{ ok: true } | { ok: false; response: Response }>

export interface BankApiOptions {
  store: BankStore
  /** Guards `transfers/:id/execute` (built with the kit's `requireStepUp`). */
  requireStepUpForTransfer: StepUpGuard
  /** Whether the built-in emulator runs (the browser then offers the device drawer). */
  emulator: boolean
  /**
   * Ends the user's CENTAGATE session with the bank's (`kit.logout`): its `Set-Cookie` headers
   * (deleting the kit's session cookie) go onto the logout answer. Default: none.
   */
  endCentagateSession?: (request: Request) => Promise<{ headers: Headers }>
}

const basePath = '/api/bank/'

// Payee name and reference become what the user signs (the step-up summary and fields, the text
// CENTAGATE shows in its app): the kit's display-text rule, from protocol, refuses line breaks,
// bidi overrides and invisible characters here already, so the bank never records such a payee.
const displayText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine(isDisplayText, 'no control, bidi or invisible characters')

const createTransferBody = z.strictObject({
  fromAccountId: z.string().min(1).max(32),
  payeeName: displayText(1, 64),
  payeeAccount: z
    .string()
    .trim()
    .regex(/^[0-9 -]{6,24}$/, 'digits, spaces and dashes'),
  /** Decimal MYR as typed: `250` or `250.5` or `250.50`. */
  amount: z
    .string()
    .trim()
    .regex(/^[0-9]{1,7}(\.[0-9]{1,2})?$/, 'an amount such as 250.00'),
  reference: displayText(0, 64).default(''),
})

function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  const response = new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  })
  new Headers(headers).forEach((value, name) => response.headers.append(name, value))
  return response
}

function error(status: number, code: string, fields?: string[]): Response {
  return json({ error: { code, ...(fields ? { fields } : {}) } }, status)
}

/** A cookie whose value is not valid percent-encoding (`demo-session=%E0%A4%A`). */
export class MalformedCookieError extends Error {
  override readonly name = 'MalformedCookieError'
  constructor(readonly cookie: string) {
    super(`malformed cookie ${cookie}`)
  }
}

/**
 * Reads one cookie from a request.
 * @throws MalformedCookieError when its value does not decode (answer 400, never a stack trace).
 */
export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key !== name) continue
    try {
      return decodeURIComponent(value.join('='))
    } catch {
      throw new MalformedCookieError(name)
    }
  }
  return undefined
}

/** The demo's session cookie: HttpOnly, SameSite=Strict, Secure unless on plain http. */
export function sessionCookie(request: Request, value: string, maxAgeSeconds = 8 * 3600): string {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : ''
  return `${sessionCookieName}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`
}

/** The logged-in user of a request, from the demo's own session cookie (a malformed one: none). */
export function sessionUser(store: BankStore, request: Request): string | null {
  try {
    return store.sessionUser(readCookie(request, sessionCookieName))
  } catch (error) {
    if (error instanceof MalformedCookieError) return null
    throw error
  }
}

// State-changing calls must be same-origin JSON (the browser cannot send that cross-site without
// a CORS preflight we never grant).
function isSameOriginJson(request: Request): boolean {
  const origin = request.headers.get('origin')
  const site = request.headers.get('sec-fetch-site')
  const type = request.headers.get('content-type') ?? ''
  return (
    type.startsWith('application/json') &&
    origin === new URL(request.url).origin &&
    (site === null || site === 'same-origin')
  )
}

function parseAmountSen(amount: string): number {
  const [whole = '0', fraction = ''] = amount.split('.')
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
}

export function transferView(transfer: Transfer) {
  return {
    id: transfer.id,
    fromAccountId: transfer.fromAccountId,
    payeeName: transfer.payeeName,
    payeeAccount: transfer.payeeAccount,
    amount: formatAmount(transfer.amountSen),
    reference: transfer.reference,
    status: transfer.status,
    createdAt: transfer.createdAt,
  }
}

/** The bank API: a Web handler that answers `null` for paths outside /api/bank/. */
export type BankApi = (request: Request) => Promise<Response | null>

export function createBankApi(options: BankApiOptions): BankApi {
  const { store } = options

  return async function bankApi(request: Request): Promise<Response | null> {
    const url = new URL(request.url)
    if (!url.pathname.startsWith(basePath)) return null
    const route = url.pathname.slice(basePath.length)
    const method = request.method.toUpperCase()

    if (method === 'GET' && route === 'config') return json({ emulator: options.emulator })
    if (method !== 'GET' && !isSameOriginJson(request)) return error(403, 'csrf_rejected')
    try {
      readCookie(request, sessionCookieName)
    } catch (failure) {
      if (!(failure instanceof MalformedCookieError)) throw failure
      // Bad input, a typed 400; the cookie is cleared so that the browser recovers.
      return json({ error: { code: 'invalid_input', fields: ['cookie'] } }, 400, {
        'set-cookie': sessionCookie(request, '', 0),
      })
    }

    const username = sessionUser(store, request)
    if (method === 'GET' && route === 'session') {
      return json({ user: username ? { username } : null })
    }
    if (method === 'POST' && route === 'logout') {
      // The CENTAGATE session ends with the bank's (it never throws for CENTAGATE's sake).
      const centagate = await options.endCentagateSession?.(request)
      store.endSession(readCookie(request, sessionCookieName))
      const cookies: [string, string][] = [['set-cookie', sessionCookie(request, '', 0)]]
      for (const cookie of centagate?.headers.getSetCookie() ?? [])
        cookies.push(['set-cookie', cookie])
      return json({ ok: true }, 200, cookies)
    }
    if (!username) return error(401, 'unauthenticated')

    if (method === 'GET' && route === 'accounts') {
      return json({
        accounts: store.accounts(username).map((account) => ({
          id: account.id,
          name: account.name,
          number: account.number,
          balance: formatAmount(account.balanceSen),
        })),
        transfers: store.transfers(username).slice(0, 10).map(transferView),
      })
    }

    if (method === 'POST' && route === 'transfers') {
      const parsed = createTransferBody.safeParse(await request.json().catch(() => null))
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => issue.path.join('.'))
        return error(400, 'invalid_input', fields)
      }
      const input = parsed.data
      const account = store.accounts(username).find((a) => a.id === input.fromAccountId)
      const amountSen = parseAmountSen(input.amount)
      if (!account) return error(400, 'invalid_input', ['fromAccountId'])
      if (amountSen <= 0) return error(400, 'invalid_input', ['amount'])
      if (amountSen > account.balanceSen) return error(409, 'insufficient_funds')
      const transfer = store.createTransfer({
        username,
        fromAccountId: account.id,
        payeeName: input.payeeName,
        payeeAccount: input.payeeAccount,
        amountSen,
        reference: input.reference,
      })
      return json({ transfer: transferView(transfer) }, 201)
    }

    const execute = /^transfers\/([A-Za-z0-9-]{1,32})\/execute$/.exec(route)
    if (method === 'POST' && execute) {
      const transfer = store.transfer(execute[1] ?? '')
      if (!transfer || transfer.username !== username) return error(404, 'transfer_not_found')
      if (transfer.status === 'completed') return error(409, 'already_completed')
      // The one kit line: no fresh step-up bound to this very transfer → 401 the React kit catches.
      const stepUp = await options.requireStepUpForTransfer(request)
      if (!stepUp.ok) return stepUp.response
      const account = store.accounts(username).find((a) => a.id === transfer.fromAccountId)
      if (!account || account.balanceSen < transfer.amountSen) {
        return error(409, 'insufficient_funds')
      }
      return json({ transfer: transferView(store.completeTransfer(transfer.id)) })
    }

    return error(404, 'not_found')
  }
}

/** The transfer id in `/api/bank/transfers/:id/execute` (what the step-up receipt is bound to). */
export function transferIdOf(request: Request): string | undefined {
  return /\/api\/bank\/transfers\/([A-Za-z0-9-]{1,32})\/execute$/.exec(
    new URL(request.url).pathname,
  )?.[1]
}
