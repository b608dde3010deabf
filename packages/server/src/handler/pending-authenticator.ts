/**
 * An authenticator whose first code has not verified is not a factor. CENTAGATE has no such
 * state (`token/register/otp/offline` binds the token at once), so the kit tracks it in the store,
 * by two markers per user (never the key):
 * - `pending`, living as long as the first code may take (`authenticator.firstCodeSeconds`);
 * - `started`, living 30 days: a `started` without a `pending` is an enrolment abandoned or
 *   expired, whose token the next look at the user's factors (`sweepAbandonedAuthenticator`, run
 *   by `factors/list`, `factors/remove` and `authenticator/start`) unregisters.
 * A verified first code deletes both.
 */
import { createCentagateAdminCalls } from '../centagate-client/admin-calls'
import { CentagateCodeError } from '../centagate-client/errors'
import type { FactorChangeAllowance } from './factor-change'
import type { RouteContext } from './runtime'

const sweepWindowMs = 30 * 24 * 60 * 60_000
/** Default of `authenticator.firstCodeSeconds`. */
export const defaultFirstCodeSeconds = 600

const pendingKey = (username: string) => `authenticator:pending:${username.toLowerCase()}`
const startedKey = (username: string) => `authenticator:started:${username.toLowerCase()}`
const firstFactorKey = (username: string) => `authenticator:first:${username.toLowerCase()}`

/** The admin calls of the route's runtime (credentials stay server-side). */
export function adminCallsOf(context: RouteContext) {
  return createCentagateAdminCalls(context.runtime.client, context.runtime.admin)
}

/** Marks `username`'s new authenticator pending; answers when its first code must have verified. */
export async function markAuthenticatorPending(
  context: RouteContext,
  username: string,
  allowedBy: FactorChangeAllowance['allowedBy'],
): Promise<number> {
  const { runtime } = context
  const seconds = runtime.config.authenticator?.firstCodeSeconds ?? defaultFirstCodeSeconds
  const store = runtime.limiter.store
  await store.reset(pendingKey(username))
  await store.claim(pendingKey(username), seconds * 1000)
  await store.reset(startedKey(username))
  await store.claim(startedKey(username), sweepWindowMs)
  await store.reset(firstFactorKey(username))
  if (allowedBy === 'first_factor') await store.claim(firstFactorKey(username), seconds * 1000)
  return context.now + seconds * 1000
}

/** Whether `username` has an authenticator waiting for its first code (within the window). */
export async function authenticatorPending(
  context: RouteContext,
  username: string,
): Promise<boolean> {
  return (await context.runtime.limiter.store.get(pendingKey(username))) !== null
}

/** How the pending enrolment was allowed (for `onFactorChanged` once it completes). */
export async function pendingAllowedBy(
  context: RouteContext,
  username: string,
): Promise<FactorChangeAllowance['allowedBy']> {
  const first = await context.runtime.limiter.store.get(firstFactorKey(username))
  return first === null ? 'step_up' : 'first_factor'
}

/** The first code verified, or the token was removed: nothing pending any more. */
export async function clearAuthenticatorMarkers(
  context: RouteContext,
  username: string,
): Promise<void> {
  const store = context.runtime.limiter.store
  await store.reset(pendingKey(username))
  await store.reset(startedKey(username))
  await store.reset(firstFactorKey(username))
}

/**
 * Unregisters the token of an enrolment started and never completed in time, so that a
 * half-enrolled authenticator never counts as a factor.
 */
export async function sweepAbandonedAuthenticator(
  context: RouteContext,
  username: string,
): Promise<void> {
  const store = context.runtime.limiter.store
  if ((await store.get(startedKey(username))) === null) return
  if (await authenticatorPending(context, username)) return
  try {
    await adminCallsOf(context).unregisterFactor(username, 'token')
  } catch (error) {
    // 29001: already gone (removed by an administrator); anything else is tried again next time.
    if (!(error instanceof CentagateCodeError && error.code === '29001')) throw error
  }
  await clearAuthenticatorMarkers(context, username)
  context.runtime.logger.info('abandoned authenticator removed', { requestId: context.requestId })
}
