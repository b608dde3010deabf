/**
 * Plays the browser side of the kit contract against a handler — same-origin JSON
 * POSTs with the custom header and a cookie jar — and validates every answer against the
 * protocol's response schemas (the server must answer exactly those).
 */
import {
  type KitRoute,
  defaultBasePath,
  kitErrorBody,
  kitHeaderName,
  kitHeaderValue,
  kitRouteSchemas,
} from '@centagate-kit/protocol'

export type Send = (request: Request) => Promise<Response>

export const device = { userAgent: 'Mozilla/5.0 (test)', browserFp: 'fp123' }

export interface KitBrowserOptions {
  origin?: string
  basePath?: string
  /** Extra cookies the app sets (e.g. its own session). */
  cookies?: Record<string, string>
}

export interface KitAnswer<T = Record<string, unknown>> {
  status: number
  body: T
  headers: Headers
  raw: string
}

export function createKitBrowser(send: Send, options: KitBrowserOptions = {}) {
  const origin = options.origin ?? 'http://localhost:3000'
  const basePath = options.basePath ?? defaultBasePath
  const jar = new Map<string, string>(Object.entries(options.cookies ?? {}))

  const storeCookies = (headers: Headers) => {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(';')
      const index = pair!.indexOf('=')
      const name = pair!.slice(0, index)
      const value = pair!.slice(index + 1)
      if (/max-age=0/i.test(line)) jar.delete(name)
      else jar.set(name, value)
    }
  }

  async function post<T = Record<string, unknown>>(
    route: KitRoute,
    body: Record<string, unknown> = {},
    extra: { headers?: Record<string, string>; validate?: boolean } = {},
  ): Promise<KitAnswer<T>> {
    const headers = new Headers({
      'content-type': 'application/json',
      origin,
      'sec-fetch-site': 'same-origin',
      [kitHeaderName]: kitHeaderValue,
      ...extra.headers,
    })
    if (jar.size > 0) {
      headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '))
    }
    const response = await send(
      new Request(`${origin}${basePath}/${route}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ device, ...body }),
      }),
    )
    storeCookies(response.headers)
    const raw = await response.text()
    let parsed: T
    try {
      parsed = JSON.parse(raw) as T
    } catch {
      throw new Error(`${route}: HTTP ${response.status}, not JSON: ${raw.slice(0, 500)}`)
    }
    if (extra.validate !== false) {
      const schema = response.status === 200 ? kitRouteSchemas[route].response : kitErrorBody
      const check = schema.safeParse(parsed)
      if (!check.success) {
        throw new Error(
          `response of ${route} (${response.status}) breaks the schema: ${check.error.message}\n${raw}`,
        )
      }
    }
    return { status: response.status, body: parsed, headers: response.headers, raw }
  }

  return {
    post,
    jar,
    origin,
    /** The Cookie header value of the jar. */
    cookieHeader: () => [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
  }
}
