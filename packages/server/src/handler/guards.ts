/** Checks that run before any upstream call (so a refused request costs CENTAGATE nothing). */
import { KitFailure } from '../http/kit-failure'
import type { SendKind } from '../rate-limit/send-limits'
import { clientClassOf, ipKeyOf } from './client-class'
import type { RouteContext } from './runtime'

/**
 * Refuses a user locked for this client's class (unknown clients, or this known browser), or an
 * unknown client whose address has used its failure budget.
 */
export async function enforceActor(context: RouteContext, username: string | undefined) {
  // The user this request acts for, from here on (the audit trail names them).
  if (username !== undefined) context.user = username
  const client =
    username === undefined ? { kind: 'unknown' as const } : await clientClassOf(context, username)
  const refusal = await context.runtime.limiter.lockout.check(username, client, ipKeyOf(context))
  if (refusal === null) return
  if (refusal.code === 'locked')
    throw new KitFailure('locked', { lockedUntil: refusal.lockedUntil })
  throw new KitFailure('rate_limited', { retryAt: refusal.retryAt })
}

/**
 * Spends one send of `kind` for `username` and this client's address, or refuses with a 429
 * `rate_limited` and `retryAt` (and `Retry-After`) when the user, the address or (SMS) the whole
 * deployment used its hourly budget. Call it right before the upstream call it guards.
 */
export async function enforceSendLimit(context: RouteContext, kind: SendKind, username: string) {
  const taken = await context.runtime.limiter.sends.take(kind, username, ipKeyOf(context))
  if (taken.ok) return
  context.runtime.logger.info('send limit reached', {
    requestId: context.requestId,
    kind,
    scope: taken.scope,
  })
  throw new KitFailure('rate_limited', { retryAt: taken.retryAt })
}

/**
 * Gives back what {@link enforceSendLimit} counted, when nothing was sent after all (CENTAGATE
 * refused the SMS, or the user's own SMS quota refused it): a send quota is spent only on a send.
 */
export async function giveBackSend(context: RouteContext, kind: SendKind, username: string) {
  await context.runtime.limiter.sends.giveBack(kind, username, ipKeyOf(context))
}
