/**
 * The `centagate-session` cookie: set when a LOGIN completes, so that `kit.logout(request)` can
 * end that CENTAGATE session (`auth/logout`) when the app ends its own. HttpOnly, SameSite=Strict,
 * Path=/ (the app's logout route is usually outside the kit's base path), `__Host-` and Secure
 * except on plain-http localhost; sealed (./session-sealer.ts). It lives as long as CENTAGATE says
 * the session does (`sessionTimeout` of the result, ms), 30 minutes when unsaid, never over a day.
 * Step-up flows leave no session cookie: their CENTAGATE sessions end at CENTAGATE's timeout.
 */
import type { AuthResultPayload } from '@centagate-kit/protocol'
import { cookieMode, readCookie, serializeCookie } from '../flow/cookies'
import type { KitRuntime, RouteContext } from '../handler/runtime'
import { type SessionSealer, createSessionSealer } from './session-sealer'

export const sessionCookieBaseName = 'centagate-session'
const defaultLifetimeMs = 30 * 60_000
const maxLifetimeMs = 24 * 3_600_000

const sealers = new WeakMap<KitRuntime, SessionSealer>()
/** One sealer per handler (keys derived once). */
export function sessionSealerFor(runtime: KitRuntime): SessionSealer {
  let sealer = sealers.get(runtime)
  if (sealer === undefined) {
    sealer = createSessionSealer(runtime.config.cookieSecrets)
    sealers.set(runtime, sealer)
  }
  return sealer
}

/** The session cookie's name and Secure flag for a request URL. */
export function sessionCookieMode(url: URL | string): { name: string; secure: boolean } {
  const { secure, prefix } = cookieMode(url)
  return { name: prefix + sessionCookieBaseName, secure }
}

/** Sets the session cookie for the completed login `result` of `username`. */
export async function rememberCentagateSession(
  context: RouteContext,
  username: string,
  result: Pick<AuthResultPayload, 'authToken' | 'sessionTimeout'>,
): Promise<void> {
  const timeout = Number(result.sessionTimeout)
  const lifetimeMs = Math.min(
    Number.isFinite(timeout) && timeout > 0 ? timeout : defaultLifetimeMs,
    maxLifetimeMs,
  )
  const sealed = await sessionSealerFor(context.runtime).seal({
    username,
    authToken: result.authToken,
    expiresAt: context.now + lifetimeMs,
  })
  const { name, secure } = sessionCookieMode(context.request.url)
  context.headers.appendSetCookie(
    serializeCookie(name, sealed, { secure, maxAge: lifetimeMs / 1000 }),
  )
}

/** The sealed session value of a `Cookie` header, or `undefined`. */
export function readSessionCookie(
  url: URL | string,
  cookieHeader: string | null,
): string | undefined {
  return readCookie(cookieHeader, sessionCookieMode(url).name)
}

/** The `Set-Cookie` that deletes the session cookie. */
export function clearSessionCookie(url: URL | string): string {
  const { name, secure } = sessionCookieMode(url)
  return serializeCookie(name, '', { secure, maxAge: 0 })
}
