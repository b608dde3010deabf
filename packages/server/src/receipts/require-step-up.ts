/**
 * `requireStepUp` for the app's own routes: accepts a request only with a fresh, unused step-up
 * receipt for the same user (and transaction); otherwise an RFC 9470-style 401 the React kit
 * recognises (`WWW-Authenticate: Bearer error="insufficient_user_authentication"` + a kit error
 * body `step_up_required`).
 */
import { randomId } from '../encoding'
import { cookieMode, readCookie } from '../flow/cookies'
import { errorResponse } from '../http/json-response'
import type { KitRuntime } from '../handler/runtime'
import { receiptCookieBaseName, transactionHash, verifyReceipt } from './step-up-receipt'
import { stepUpRequired } from './step-up-required'
import { timingSafeEqualText } from '@centagate-kit/protocol/signing'

export interface RequireStepUpOptions {
  /** Oldest accepted step-up, in seconds. */
  maxAgeSeconds: number
  /** The app's logged-in user. Default: the handler's `identify`. */
  identify?: (request: Request) => Promise<{ username: string } | null>
  /** The transaction this route acts on; the receipt must be bound to it. Default: none. */
  transactionId?: (request: Request) => string | undefined
  /** Mark the receipt used (single use). Default true. */
  consume?: boolean
}

export interface StepUpReceiptInfo {
  username: string
  method: string
  /** Epoch ms. */
  authTime: number
  transactionId?: string
}

export type StepUpGuardResult =
  { ok: true; receipt: StepUpReceiptInfo } | { ok: false; response: Response }

/** `context.cookies`: the cookies when the host cannot put a Cookie header on a Request (browsers). */
export type StepUpGuard = (
  request: Request,
  context?: { cookies?: string },
) => Promise<StepUpGuardResult>

export function createStepUpGuard(runtime: KitRuntime, options: RequireStepUpOptions): StepUpGuard {
  const maxAge = Math.max(1, Math.floor(options.maxAgeSeconds))
  const identify = options.identify ?? runtime.config.identify
  return async (request, context = {}) => {
    const now = runtime.now()
    const transactionId = options.transactionId?.(request)
    const refuse = (reason: string): StepUpGuardResult => {
      runtime.logger.info('step-up required', { reason })
      const failure = stepUpRequired(maxAge, transactionId)
      return { ok: false, response: errorResponse(failure, randomId(12), now) }
    }
    const { prefix } = cookieMode(request.url)
    const token = readCookie(
      context.cookies ?? request.headers.get('cookie'),
      prefix + receiptCookieBaseName,
    )
    const claims = await verifyReceipt(await runtime.receiptKey, token, now)
    if (claims === null) return refuse('missing_or_invalid')
    if (now / 1000 - claims.auth_time > maxAge) return refuse('too_old')
    if (identify !== undefined) {
      const user = await identify(request)
      if (user === null || user.username.toLowerCase() !== claims.sub.toLowerCase()) {
        return refuse('wrong_user')
      }
    }
    if (transactionId !== undefined) {
      if (claims.tid !== transactionId || claims.txh === undefined)
        return refuse('wrong_transaction')
      if (runtime.config.getTransaction !== undefined) {
        const current = await runtime.config.getTransaction(request, transactionId)
        if (current === null) return refuse('wrong_transaction')
        const hash = await transactionHash(transactionId, current.view.summary, current.value)
        // The transaction changed since it was signed: the receipt does not cover it.
        if (!timingSafeEqualText(hash, claims.txh)) return refuse('transaction_changed')
      }
    }
    if (options.consume !== false) {
      const fresh = await runtime.limiter.consumeReceipt(claims.jti, claims.exp * 1000 - now)
      if (!fresh) return refuse('consumed')
    }
    return {
      ok: true,
      receipt: {
        username: claims.sub,
        method: claims.amr,
        authTime: claims.auth_time * 1000,
        ...(claims.tid === undefined ? {} : { transactionId: claims.tid }),
      },
    }
  }
}
