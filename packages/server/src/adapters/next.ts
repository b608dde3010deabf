/**
 * `@centagate-kit/server/next`: Next.js App Router route handlers. Browser/edge-safe (no Node API).
 *
 * @example
 * // app/api/centagate/[...kit]/route.ts
 * export const { POST, GET } = toNextHandlers(kit)
 *
 * Next gives route handlers no socket address: behind a proxy set `trustedProxyCount` so the
 * client IP comes from `X-Forwarded-For`. The page's origin is checked against the `Host` the
 * browser sent (as in the other adapters), not Next's own `localhost` request URL; a proxy in front
 * must pass the Host on, or the public origin goes in `allowedOrigins`.
 */
import type { CentagateHandler } from '../handler/create-centagate-handler'
import { randomId } from '../encoding'
import { errorResponse } from '../http/json-response'
import { KitFailure } from '../http/kit-failure'

export type NextRouteHandler = (request: Request) => Promise<Response>

/**
 * The request as the browser addressed it. Next builds a route handler's `request.url` on its own
 * listening address (`http://localhost:3000/...`; the scheme from TLS or `X-Forwarded-Proto`)
 * whatever the `Host`, so the kit's same-origin check would refuse every browser POST. Like the
 * other adapters, the host is the `Host` header (which Next passes on), the scheme the transport's
 * (here Next's). `undefined` when the Host is one no URL can hold.
 */
function addressedRequest(request: Request): Request | undefined {
  const host = request.headers.get('host')
  if (host === null) return request
  const next = new URL(request.url)
  const origin = `${next.protocol}//${host}`
  // Only a host (and port): a path, credentials or a query in it would move what the origin is.
  if (/[\s/\\@?#]/.test(host) || !URL.canParse(origin)) return undefined
  const url = new URL(`${next.pathname}${next.search}`, origin)
  if (url.href === next.href) return request
  const init: RequestInit & { duplex: 'half' } = {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: request.signal,
    duplex: 'half', // the body stream is passed on as it is, unread
  }
  return new Request(url, init)
}

export function toNextHandlers(kit: CentagateHandler): {
  POST: NextRouteHandler
  GET: NextRouteHandler
  PUT: NextRouteHandler
  DELETE: NextRouteHandler
} {
  // Every method goes through the handler so that non-POST gets the kit's typed 405.
  const route: NextRouteHandler = async (request) => {
    const addressed = addressedRequest(request)
    if (addressed === undefined) {
      // As toNodeHandler answers a Host no URL can hold on a kit path: bad input, typed.
      return errorResponse(
        new KitFailure('invalid_input', { fields: ['(host)'] }),
        randomId(12),
        Date.now(),
      )
    }
    return kit(addressed)
  }
  return { POST: route, GET: route, PUT: route, DELETE: route }
}
