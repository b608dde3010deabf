/** Every kit response: JSON, never cached, never sniffed. */
import { type KitErrorBody, kitErrors } from '@centagate-kit/protocol'
import type { KitFailure } from './kit-failure'

export const securityHeaders: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
}

export function jsonResponse(body: unknown, status: number, headers?: Headers): Response {
  const result = new Headers(headers)
  for (const [name, value] of Object.entries(securityHeaders)) result.set(name, value)
  return new Response(JSON.stringify(body), { status, headers: result })
}

export function errorBody(
  failure: KitFailure,
  requestId: string,
  serverTime: number,
): KitErrorBody {
  return {
    error: { code: failure.code, messageKey: failure.messageKey, ...failure.details },
    requestId,
    serverTime,
  }
}

export function errorResponse(
  failure: KitFailure,
  requestId: string,
  serverTime: number,
  headers?: Headers,
): Response {
  const result = new Headers(headers)
  for (const [name, value] of Object.entries(failure.headers)) result.set(name, value)
  const retryAt = failure.details.retryAt ?? failure.details.lockedUntil
  if (retryAt !== undefined && !result.has('retry-after')) {
    result.set('retry-after', String(Math.max(1, Math.ceil((retryAt - serverTime) / 1000))))
  }
  return jsonResponse(
    errorBody(failure, requestId, serverTime),
    kitErrors[failure.code].status,
    result,
  )
}
