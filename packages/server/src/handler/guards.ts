/** Checks that run before any upstream call (so a refused request costs CENTAGATE nothing). */
import { KitFailure } from '../http/kit-failure'
import type { RouteContext } from './runtime'

/** Refuses a locked user or an IP over its failure budget. */
export async function enforceActor(context: RouteContext, username: string | undefined) {
  // The user this request acts for, from here on (the audit trail names them).
  if (username !== undefined) context.user = username
  const refusal = await context.runtime.limiter.checkActor(username, context.ip)
  if (refusal === null) return
  if (refusal.code === 'locked')
    throw new KitFailure('locked', { lockedUntil: refusal.lockedUntil })
  if (refusal.code === 'rate_limited')
    throw new KitFailure('rate_limited', { retryAt: refusal.retryAt })
  throw new KitFailure('challenge_locked')
}
