/** Cookie parsing and `Set-Cookie` serialisation (RFC 6265), browser-safe. */

/** The value of cookie `name` in a `Cookie` header, or `undefined`. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (header === null) return undefined
  for (const part of header.split(';')) {
    const index = part.indexOf('=')
    if (index < 0) continue
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim()
  }
  return undefined
}

export interface CookieAttributes {
  secure: boolean
  httpOnly?: boolean
  sameSite?: 'Strict' | 'Lax'
  /** Seconds; 0 deletes. */
  maxAge: number
}

export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  const parts = [
    `${name}=${value}`,
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(attributes.maxAge))}`,
  ]
  if (attributes.maxAge <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT')
  if (attributes.httpOnly !== false) parts.push('HttpOnly')
  if (attributes.secure) parts.push('Secure')
  parts.push(`SameSite=${attributes.sameSite ?? 'Strict'}`)
  return parts.join('; ')
}

/**
 * Cookie names and the Secure flag for a request: `__Host-` + Secure everywhere except plain-http
 * localhost/127.0.0.1 development, where browsers would drop a Secure cookie.
 */
export function cookieMode(requestUrl: URL | string): { secure: boolean; prefix: string } {
  const url = typeof requestUrl === 'string' ? new URL(requestUrl) : requestUrl
  const local =
    url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]'
  if (url.protocol === 'http:' && local) return { secure: false, prefix: '' }
  return { secure: true, prefix: '__Host-' }
}
