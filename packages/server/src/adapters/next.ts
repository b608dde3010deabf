/**
 * `@centagate-kit/server/next`: Next.js App Router route handlers. Browser/edge-safe (no Node API).
 *
 * @example
 * // app/api/centagate/[...kit]/route.ts
 * export const { POST, GET } = toNextHandlers(kit)
 *
 * Next gives route handlers no socket address: behind a proxy set `trustedProxyCount` so the
 * client IP comes from `X-Forwarded-For`.
 */
import type { CentagateHandler } from '../handler/create-centagate-handler'

export type NextRouteHandler = (request: Request) => Promise<Response>

export function toNextHandlers(kit: CentagateHandler): {
  POST: NextRouteHandler
  GET: NextRouteHandler
  PUT: NextRouteHandler
  DELETE: NextRouteHandler
} {
  // Every method goes through the handler so that non-POST gets the kit's typed 405.
  const route: NextRouteHandler = (request) => kit(request)
  return { POST: route, GET: route, PUT: route, DELETE: route }
}
