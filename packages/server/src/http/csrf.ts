/**
 * Cross-site request forgery defence for the kit routes (anchors-security F): POST only, the
 * custom header (forces a CORS preflight, which we never grant), a same-origin `Origin`, a
 * same-origin `Sec-Fetch-Site` when the browser sends one, and JSON only.
 */
import { kitHeaderName, kitHeaderValue } from '@centagate-kit/protocol'
import { KitFailure } from './kit-failure'
import type { KitRequest } from './kit-request'

export interface CsrfOptions {
  /** Origins accepted besides the request's own (`https://app.example.com`). Default none. */
  allowedOrigins: readonly string[]
  /** Accept `Sec-Fetch-Site: same-site` too. Default false. */
  allowSameSite: boolean
}

/** Throws a {@link KitFailure} (405/403/415) when the request may not reach a kit route. */
export function checkCsrf(request: KitRequest, options: CsrfOptions): void {
  if (request.method !== 'POST') {
    throw new KitFailure('method_not_allowed', {}, 'kit.method_not_allowed', { allow: 'POST' })
  }
  if (request.header(kitHeaderName) !== kitHeaderValue) throw new KitFailure('csrf_rejected')
  const origin = request.header('origin')
  const own = request.url.origin
  if (origin === null || origin === 'null') throw new KitFailure('csrf_rejected')
  if (origin !== own && !options.allowedOrigins.includes(origin)) {
    throw new KitFailure('csrf_rejected')
  }
  const site = request.header('sec-fetch-site')
  if (site !== null && site !== 'same-origin' && !(options.allowSameSite && site === 'same-site')) {
    throw new KitFailure('csrf_rejected')
  }
  const contentType = (request.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (contentType !== 'application/json') throw new KitFailure('unsupported_media_type')
}
