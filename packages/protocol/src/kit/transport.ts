/**
 * How the browser reaches the kit server (shared/design.md): JSON POST routes under one base
 * path, same origin, with a custom header so every call is a non-simple (CORS-preflighted)
 * request. The routes themselves are declared in `routes/`.
 */
import type { KitRoute } from './routes/kit-routes'

/** Default mount point of the kit handler. */
export const defaultBasePath = '/api/centagate'

/** The custom request header every kit call carries (CSRF defence: forces a CORS preflight). */
export const kitHeaderName = 'x-centagate-kit'
/** Value of {@link kitHeaderName}: the contract version. */
export const kitHeaderValue = '1'

/** Joins the base path and a route: `kitRouteUrl('/api/centagate', 'sms/send')`. */
export function kitRouteUrl(basePath: string, route: KitRoute): string {
  return `${basePath.replace(/\/+$/, '')}/${route}`
}
