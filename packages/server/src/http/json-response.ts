/** Every kit answer: JSON, never cached, never sniffed. */
import { type KitErrorBody, kitErrors } from '@centagate-kit/protocol'
import type { KitFailure } from './kit-failure'
import { ResponseHeaders } from './response-headers'

export const securityHeaders: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
}

/** A finished kit answer, before it becomes a Web `Response` or is written to a Node response. */
export interface KitAnswer {
  status: number
  headers: ResponseHeaders
  /** JSON text. */
  body: string
}

export function jsonAnswer(body: unknown, status: number, headers = new ResponseHeaders()) {
  for (const name in securityHeaders) headers.set(name, securityHeaders[name]!)
  return { status, headers, body: JSON.stringify(body) } satisfies KitAnswer
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

export function errorAnswer(
  failure: KitFailure,
  requestId: string,
  serverTime: number,
  headers = new ResponseHeaders(),
): KitAnswer {
  for (const name in failure.headers) headers.set(name, failure.headers[name]!)
  const retryAt = failure.details.retryAt ?? failure.details.lockedUntil
  if (retryAt !== undefined && !headers.has('retry-after')) {
    headers.set('retry-after', String(Math.max(1, Math.ceil((retryAt - serverTime) / 1000))))
  }
  return jsonAnswer(
    errorBody(failure, requestId, serverTime),
    kitErrors[failure.code].status,
    headers,
  )
}

/** The answer as a Web `Response` (every `Set-Cookie` kept). */
export function toWebResponse(answer: KitAnswer): Response {
  const headers = new Headers()
  for (const [name, value] of answer.headers.entries()) headers.set(name, value)
  for (const cookie of answer.headers.getSetCookie()) headers.append('set-cookie', cookie)
  return new Response(answer.body, { status: answer.status, headers })
}

export function jsonResponse(body: unknown, status: number, headers?: ResponseHeaders): Response {
  return toWebResponse(jsonAnswer(body, status, headers))
}

export function errorResponse(
  failure: KitFailure,
  requestId: string,
  serverTime: number,
  headers?: ResponseHeaders,
): Response {
  return toWebResponse(errorAnswer(failure, requestId, serverTime, headers))
}
