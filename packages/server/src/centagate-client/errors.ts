/**
 * Typed errors of the CENTAGATE client. Each has a stable `kind` so callers can switch on it
 * without `instanceof` across bundles; messages never contain field values or upstream text that
 * could carry secrets.
 */
import type { ReturnCodeCategory } from '@centagate-kit/protocol'
import { pauseStackCapture, resumeStackCapture } from '../stack-capture'

export type CentagateErrorKind =
  | 'code'
  | 'upstream_unavailable'
  | 'upstream_timeout'
  | 'upstream_http'
  | 'upstream_bad_response'
  | 'clock_skew'

/** Base class of every error the client throws for a failed call. */
export abstract class CentagateError extends Error {
  abstract readonly kind: CentagateErrorKind
  constructor(
    /** The catalogued endpoint name of the failed call. */
    readonly endpoint: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** CENTAGATE answered with a non-zero return code (a business outcome, HTTP 200). */
export class CentagateCodeError extends CentagateError {
  override readonly name = 'CentagateCodeError'
  readonly kind = 'code' as const
  constructor(
    endpoint: string,
    readonly code: string,
    readonly key: string,
    readonly category: ReturnCodeCategory,
    readonly retryable: boolean,
    /** The envelope's object, kept only for `23002` (it still carries `phone`/`timeout`). */
    readonly object?: unknown,
  ) {
    // A business outcome (every wrong OTP): no stack.
    const limit = pauseStackCapture()
    super(endpoint, `${endpoint}: CENTAGATE return code ${code} (${key})`)
    resumeStackCapture(limit)
  }
}

/** The connection could not be made or was reset before a response (refused, reset, DNS). */
export class UpstreamUnavailableError extends CentagateError {
  override readonly name = 'UpstreamUnavailableError'
  readonly kind = 'upstream_unavailable' as const
}

/** No complete response within the timeout. */
export class UpstreamTimeoutError extends CentagateError {
  override readonly name = 'UpstreamTimeoutError'
  readonly kind = 'upstream_timeout' as const
}

/** A response other than HTTP 200 (CENTAGATE answers business errors with 200). */
export class UpstreamHttpError extends CentagateError {
  override readonly name = 'UpstreamHttpError'
  readonly kind = 'upstream_http' as const
  constructor(
    endpoint: string,
    readonly status: number,
  ) {
    super(endpoint, `${endpoint}: upstream HTTP ${status}`)
  }
}

export type BadResponseReason =
  | 'redirect'
  | 'html'
  | 'oversized'
  | 'truncated'
  | 'not_json'
  | 'not_an_envelope'
  | 'bad_code'
  | 'bad_message'
  | 'bad_object_json'
  | 'bad_payload'

/** A 200 response that is not a usable CENTAGATE envelope. */
export class UpstreamBadResponseError extends CentagateError {
  override readonly name = 'UpstreamBadResponseError'
  readonly kind = 'upstream_bad_response' as const
  constructor(
    endpoint: string,
    readonly reason: BadResponseReason,
    options?: { cause?: unknown },
  ) {
    super(endpoint, `${endpoint}: bad upstream response (${reason})`, options)
  }
}

/** `23023`: the request timestamp was outside CENTAGATE's window. */
export class ClockSkewError extends CentagateError {
  override readonly name = 'ClockSkewError'
  readonly kind = 'clock_skew' as const
  constructor(
    endpoint: string,
    /** Upstream clock minus ours in milliseconds, from the response `Date` header when present. */
    readonly offsetMs: number | undefined,
  ) {
    super(
      endpoint,
      `${endpoint}: CENTAGATE rejected the timestamp (23023)` +
        (offsetMs === undefined ? '' : `; upstream clock offset ${Math.round(offsetMs / 1000)} s`),
    )
  }
}

export function isCentagateError(error: unknown): error is CentagateError {
  return error instanceof CentagateError
}
