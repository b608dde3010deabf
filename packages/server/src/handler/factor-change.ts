/**
 * Factor changes (register, replace, remove) need a fresh step-up of the same user, checked here
 * by the kit and not left to the app's `authorizeEnrolment`: a stolen session or an XSS must not
 * move a second factor to the attacker's phone. One route, one line:
 * `const allowed = await allowFactorChange(context, username, { firstFactor: true })`.
 *
 * Allowed by, in this order:
 * 1. (`firstFactor` only) the `enrol` flow of that same user: the kit itself just saw their
 *    password and CENTAGATE list no usable factor;
 * 2. a step-up receipt of that user, without a transaction (a transaction's step-up was consent
 *    to that transaction only), at most `factorChangeMaxAgeSeconds` old; it is used up;
 * 3. (`firstFactor` only) CENTAGATE's factor list of the user (admin `userAuthList`) is empty:
 *    a first factor of a user who has none, e.g. enrolment right after a password-only login.
 * Otherwise: 401 `step_up_required` with the RFC 9470 challenge (`requireStepUp`'s answer).
 */
import type { FactorChangedEvent } from '../config/handler-config'
import { cookieMode, readCookie } from '../flow/cookies'
import { receiptCookieBaseName, verifyReceipt } from '../receipts/step-up-receipt'
import { stepUpRequired } from '../receipts/step-up-required'
import { authenticatorPending } from './pending-authenticator'
import { type RouteContext, logUser } from './runtime'

/** Default of `factorChangeMaxAgeSeconds`. */
export const defaultFactorChangeMaxAgeSeconds = 300

export interface FactorChangeAllowance {
  allowedBy: FactorChangedEvent['allowedBy']
  /** The change did not happen (CENTAGATE refused it): the step-up may be used again. */
  release(): Promise<void>
}

const nothingToRelease = () => Promise.resolve()

export async function allowFactorChange(
  context: RouteContext,
  username: string,
  options: { firstFactor: boolean },
): Promise<FactorChangeAllowance> {
  const { runtime } = context
  const sameUser = (other: string) => other.toLowerCase() === username.toLowerCase()
  if (options.firstFactor && context.flow?.step === 'enrol' && sameUser(context.flow.username)) {
    return { allowedBy: 'first_factor', release: nothingToRelease }
  }

  const maxAge = runtime.config.factorChangeMaxAgeSeconds ?? defaultFactorChangeMaxAgeSeconds
  const { prefix } = cookieMode(context.request.url)
  const token = readCookie(context.cookies, prefix + receiptCookieBaseName)
  const claims = await verifyReceipt(await runtime.receiptKey, token, context.now)
  let reason = 'missing_or_invalid'
  if (claims !== null) {
    if (!sameUser(claims.sub)) reason = 'wrong_user'
    else if (claims.tid !== undefined) reason = 'transaction_step_up'
    else if (context.now / 1000 - claims.auth_time > maxAge) reason = 'too_old'
    else if (!(await runtime.limiter.consumeReceipt(claims.jti, claims.exp * 1000 - context.now)))
      reason = 'consumed'
    else return { allowedBy: 'step_up', release: () => runtime.limiter.releaseReceipt(claims.jti) }
  }

  if (options.firstFactor && !(await hasAnyFactor(context, username))) {
    return { allowedBy: 'first_factor', release: nothingToRelease }
  }
  runtime.logger.info('step-up required', {
    requestId: context.requestId,
    user: await logUser(runtime, username),
    reason,
    for: 'factor_change',
  })
  throw stepUpRequired(maxAge)
}

/**
 * Whether CENTAGATE lists any factor (phone, token, certificate, app) for the user. An
 * authenticator still waiting for its first code is not one (`pending-authenticator.ts`).
 */
async function hasAnyFactor(context: RouteContext, username: string): Promise<boolean> {
  const { runtime } = context
  const list = await runtime.admin.withCenToken((cenToken, adminUsername) =>
    runtime.client.userAuthList({ username, cenToken }, { adminUsername }),
  )
  // type "2": the OTP token slot, which a pending authenticator occupies.
  const pendingToken = await authenticatorPending(context, username)
  const tokens = list.tokenList.filter((token) => !(pendingToken && token.type === '2'))
  return tokens.length > 0 || list.certList.length > 0 || (list.device ?? null) !== null
}

/** Tells the app (`onFactorChanged`) what changed; its failure is logged, never answered. */
export async function notifyFactorChanged(
  context: RouteContext,
  change: Omit<FactorChangedEvent, 'time' | 'request'>,
): Promise<void> {
  const { runtime } = context
  runtime.logger.info('factor changed', {
    requestId: context.requestId,
    user: await logUser(runtime, change.username),
    change: change.change,
    kind: change.kind,
    allowedBy: change.allowedBy,
  })
  if (runtime.config.onFactorChanged === undefined) return
  try {
    await runtime.config.onFactorChanged({
      ...change,
      time: context.now,
      request: context.request.webRequest(),
    })
  } catch (error) {
    runtime.logger.warn('onFactorChanged failed', {
      requestId: context.requestId,
      error: error instanceof Error ? error.name : typeof error,
    })
  }
}
