/**
 * Builds kit requests the way the browser kit sends them (same-origin JSON POST with the custom
 * header and device signals), and a tiny cookie jar that follows the flow cookie between calls.
 */
import {
  defaultBasePath,
  kitHeaderName,
  kitHeaderValue,
  kitRouteUrl,
} from '@centagate-kit/protocol'
import type { KitRoute } from '@centagate-kit/protocol'

/** The origin the in-process handler pretends to be served on (plain http localhost). */
export const appOrigin = 'http://127.0.0.1:3000'

export const device = { userAgent: 'centagate-kit security suite', browserFp: '' }

export interface KitRequestOptions {
  /** Raw body text or bytes (sent as is), or a value that is JSON-encoded. */
  body?: unknown
  rawBody?: string | Uint8Array
  contentType?: string | null
  origin?: string
  cookie?: string
  headers?: Record<string, string>
  method?: string
  baseUrl?: string
}

/** A same-origin kit call; every part can be overridden to build hostile variants. */
export function kitRequest(route: KitRoute | string, options: KitRequestOptions = {}): Request {
  const baseUrl = options.baseUrl ?? appOrigin
  const url = `${baseUrl}${kitRouteUrl(defaultBasePath, route as KitRoute)}`
  const headers = new Headers({
    origin: options.origin ?? new URL(baseUrl).origin,
    'sec-fetch-site': 'same-origin',
    [kitHeaderName]: kitHeaderValue,
  })
  if (options.contentType !== null) {
    headers.set('content-type', options.contentType ?? 'application/json')
  }
  if (options.cookie) headers.set('cookie', options.cookie)
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value)
  const method = options.method ?? 'POST'
  const body =
    method === 'GET' || method === 'HEAD'
      ? undefined
      : (options.rawBody ?? JSON.stringify(options.body ?? { device }))
  return new Request(url, { method, headers, body: (body ?? null) as BodyInit | null })
}

/** Keeps the cookies a handler sets, and sends them back (what a browser does). */
export class CookieJar {
  private readonly cookies = new Map<string, string>()

  /** Stores the Set-Cookie headers of `response` (an empty value or Max-Age=0 deletes). */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))
      if (value === '' || expired) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  names(): string[] {
    return [...this.cookies.keys()]
  }
}
