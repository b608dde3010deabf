/** Checks shared by the authentication handlers: the user, its lock and its session. */
import { lockedUntil } from '../state/lockout'
import { createSession, resolveAuthToken } from '../state/sessions'
import type { SessionState, UserState } from '../state/state-schema'
import { type CallContext, type Outcome, fail, field } from './context'

export type Checked<T> = { ok: true; value: T } | { ok: false; outcome: Outcome }

/** The user named in the request (23001 when unknown: no enumeration) and not locked (23036). */
export function activeUser(context: CallContext): Checked<UserState> {
  const username = field(context, 'username')
  const user = Object.hasOwn(context.state.users, username)
    ? context.state.users[username]
    : undefined
  if (!user) return { ok: false, outcome: fail('23001') }
  if (lockedUntil(context.state, username, context.now) !== null) {
    return { ok: false, outcome: fail('23036') }
  }
  return { ok: true, value: user }
}

/**
 * The session of the request's authToken; when the call carries none, `whenAbsent` decides:
 * `create` starts a fresh login (a request call without a token starts a session, API.md 1.4),
 * `none` returns null.
 */
export function requestSession(
  context: CallContext,
  user: UserState,
  whenAbsent: 'create' | 'none',
): Checked<SessionState | null> {
  const authToken = field(context, 'authToken')
  if (authToken === '') {
    if (whenAbsent === 'none') return { ok: true, value: null }
    return {
      ok: true,
      value: createSession(context.state, user, context.now, context.settings, false),
    }
  }
  const resolved = resolveAuthToken(context.state, authToken, user.username, context.now)
  if (!resolved.ok) return { ok: false, outcome: fail(resolved.code) }
  return { ok: true, value: resolved.session }
}

/**
 * What a request to the user's CENTAGATE app needs (requestQrCode, requestMobilePushCR): an
 * active user (23001, 23036) with a bound device (23013), the request's `devAccId` naming that
 * device when given (36000), and the session of its authToken or a new one (23016).
 */
export function appRequest(
  context: CallContext,
): Checked<{ user: UserState; device: NonNullable<UserState['device']>; session: SessionState }> {
  const checked = activeUser(context)
  if (!checked.ok) return checked
  const user = checked.value
  const device = user.device
  if (!device) return { ok: false, outcome: fail('23013') }
  const devAccId = field(context, 'devAccId')
  if (devAccId !== '' && devAccId !== device.accountId) return { ok: false, outcome: fail('36000') }
  const session = requestSession(context, user, 'create')
  if (!session.ok) return session
  if (session.value === null) return { ok: false, outcome: fail('23016') }
  return { ok: true, value: { user, device, session: session.value } }
}
