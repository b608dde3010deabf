/** The end of a login factor (SMS code or challenge response), shared by the methods. */
import { authResultObject, completeFactor } from '../state/sessions'
import type { Purpose, SessionState } from '../state/state-schema'
import { type CallContext, type Outcome, fail, ok } from './context'

/**
 * Whether a code or challenge was issued for this login: the call's session when it carries an
 * authToken, any login of the user when it does not.
 */
export function issuedForLogin(session: SessionState | null, purpose: Purpose): boolean {
  return purpose.kind === 'login' && (session === null || purpose.sessionId === session.id)
}

/** Completes the login the code belonged to with `factor`; 23016 once that login has ended. */
export function completeLoginFactor(
  context: CallContext,
  purpose: Purpose,
  factor: string,
): Outcome {
  const login = purpose.kind === 'login' ? context.state.sessions[purpose.sessionId] : undefined
  if (!login || login.expiresAt <= context.now) return fail('23016')
  completeFactor(context.state, login, factor, context.now)
  return ok(authResultObject(context.state, login, context.settings))
}
