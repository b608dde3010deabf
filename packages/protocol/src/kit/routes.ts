/**
 * The kit's own browser <-> server contract (shared/design.md): JSON POST routes under one base
 * path, same origin, with a custom header so every call is a non-simple (CORS-preflighted) request.
 */

/** Default mount point of the kit handler. */
export const defaultBasePath = '/api/centagate'

/** The custom request header every kit call carries (CSRF defence: forces a CORS preflight). */
export const kitHeaderName = 'x-centagate-kit'
/** Value of {@link kitHeaderName}: the contract version. */
export const kitHeaderValue = '1'

/** Route names, relative to the base path. */
export const kitRoutes = {
  loginStart: 'login/start',
  stepUpStart: 'stepup/start',
  smsSend: 'sms/send',
  smsVerify: 'sms/verify',
  challengeSend: 'challenge/send',
  challengeVerify: 'challenge/verify',
  qrSend: 'qr/send',
  qrStatus: 'qr/status',
  qrVerify: 'qr/verify',
  tokensRegister: 'tokens/register',
  /** Abandons the current flow (clears its cookie); always succeeds. */
  flowCancel: 'flow/cancel',
} as const

export type KitRouteKey = keyof typeof kitRoutes
export type KitRoute = (typeof kitRoutes)[KitRouteKey]

export const kitRouteList: readonly KitRoute[] = Object.values(kitRoutes)

/** Joins the base path and a route: `kitRouteUrl('/api/centagate', 'sms/send')`. */
export function kitRouteUrl(basePath: string, route: KitRoute): string {
  return `${basePath.replace(/\/+$/, '')}/${route}`
}
