/**
 * `auth/logout` (API.md 2.20, PDF18): ends the session of the request's authToken. From then on
 * that token answers 23016 and a cenToken made from the session no longer authorises anything.
 * A locked user may still log out (no lock check); an unknown user is 23001 (no enumeration).
 */
import { resolveAuthToken } from '../state/sessions'
import { type Handler, fail, field, ok } from './context'

export const logout: Handler = (context) => {
  const { state, now } = context
  const username = field(context, 'username')
  if (!Object.hasOwn(state.users, username)) return fail('23001')
  const resolved = resolveAuthToken(state, field(context, 'authToken'), username, now)
  if (!resolved.ok) return fail(resolved.code)
  const session = resolved.session
  delete state.liveTokens[session.authToken]
  delete state.sessions[session.id]
  return ok()
}
