/**
 * The test apps' own session: a plain `app-session=<username>` cookie (tests only), read by the
 * kit's `identify` hook and set by `onAuthenticated` after a login.
 */

export const appSessionCookieName = 'app-session'

/** The logged-in user of a request, from its `app-session` cookie. */
export function appSessionUser(request: Request): { username: string } | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const index = part.indexOf('=')
    if (index > 0 && part.slice(0, index).trim() === appSessionCookieName) {
      const username = part.slice(index + 1).trim()
      return username === '' ? null : { username }
    }
  }
  return null
}
