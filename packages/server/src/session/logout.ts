/**
 * `kit.logout(request)`: ends the user's CENTAGATE session when the app ends its own. The app's
 * logout route calls it, ends its own session, and copies `headers` (a `Set-Cookie` deleting the
 * kit's session cookie) onto its answer. It needs the last authToken of the user's completed
 * login, which the kit kept in the sealed `centagate-session` cookie (./centagate-session-cookie.ts)
 * so that neither the app nor the browser ever holds it. Never throws for CENTAGATE's sake: the
 * app's logout goes on whatever CENTAGATE answers (an unended session ends at its timeout).
 * The app's logout route is the app's: it needs its own CSRF protection like any state change.
 */
import { CentagateCodeError, isCentagateError } from '../centagate-client/errors'
import { type KitRuntime, logUser } from '../handler/runtime'
import { clearSessionCookie, readSessionCookie, sessionSealerFor } from './centagate-session-cookie'

/** A Web Request, or what an adapter knows: the request URL and its `Cookie` header. */
export type LogoutRequest = Request | { url: string | URL; cookie?: string | null }

export interface LogoutResult {
  /**
   * `ended`: CENTAGATE ended the session; `already_ended`: it had ended (timed out, or another
   * logout); `no_session`: the request carries no valid kit session cookie (0 upstream calls);
   * `failed`: CENTAGATE could not be reached or refused; the session ends at its timeout.
   */
  status: 'ended' | 'already_ended' | 'no_session' | 'failed'
  /** Deletes the kit's session cookie: copy onto the app's logout response. */
  headers: Headers
}

export async function logoutCentagateSession(
  runtime: KitRuntime,
  request: LogoutRequest,
): Promise<LogoutResult> {
  const url = request.url
  const cookieHeader =
    request instanceof Request ? request.headers.get('cookie') : (request.cookie ?? null)
  const headers = new Headers()
  headers.append('set-cookie', clearSessionCookie(url))
  const session = await sessionSealerFor(runtime).open(
    readSessionCookie(url, cookieHeader),
    runtime.now(),
  )
  if (session === null) return { status: 'no_session', headers }
  const user = await logUser(runtime, session.username)
  try {
    await runtime.client.logout({ username: session.username, authToken: session.authToken })
  } catch (error) {
    if (error instanceof CentagateCodeError && error.category === 'session') {
      runtime.logger.info('centagate session had already ended', { user, returnCode: error.code })
      return { status: 'already_ended', headers }
    }
    runtime.logger.warn('centagate logout failed', {
      user,
      ...(isCentagateError(error)
        ? {
            kind: error.kind,
            ...(error instanceof CentagateCodeError ? { returnCode: error.code } : {}),
          }
        : { error: error instanceof Error ? error.name : typeof error }),
    })
    return { status: 'failed', headers }
  }
  runtime.logger.info('centagate session ended', { user })
  return { status: 'ended', headers }
}
