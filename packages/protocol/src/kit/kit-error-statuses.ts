/**
 * The HTTP status of each kit error code and whether the user can fix it by trying again. The
 * server answers with these; browser code needs only the codes (`kit-error-codes.ts`), so this
 * table stays out of browser bundles. Typed against the code list: a code missing here or a key
 * that is not a code fails typecheck.
 */
import type { KitErrorCode } from './kit-error-codes'

export const kitErrors = {
  invalid_input: { status: 400, retryable: false },
  csrf_rejected: { status: 403, retryable: false },
  method_not_allowed: { status: 405, retryable: false },
  unsupported_media_type: { status: 415, retryable: false },
  payload_too_large: { status: 413, retryable: false },
  not_found: { status: 404, retryable: false },
  no_flow: { status: 409, retryable: false },
  flow_step_invalid: { status: 409, retryable: false },
  method_unavailable: { status: 409, retryable: false },
  unauthenticated: { status: 401, retryable: false },
  step_up_required: { status: 401, retryable: true },
  transaction_not_found: { status: 404, retryable: false },
  transaction_invalid: { status: 422, retryable: false },
  invalid_credentials: { status: 401, retryable: true },
  otp_invalid: { status: 401, retryable: true },
  otp_expired: { status: 410, retryable: true },
  challenge_locked: { status: 429, retryable: true },
  locked: { status: 423, retryable: false },
  rate_limited: { status: 429, retryable: true },
  rejected: { status: 403, retryable: false },
  not_enrolled: { status: 409, retryable: false },
  enrolment_rejected: { status: 409, retryable: true },
  forbidden: { status: 403, retryable: false },
  last_factor: { status: 409, retryable: false },
  clock_skew: { status: 503, retryable: false },
  upstream_unavailable: { status: 503, retryable: true },
  upstream_timeout: { status: 504, retryable: true },
  upstream_error: { status: 502, retryable: true },
  upstream_bad_response: { status: 502, retryable: false },
  integration_error: { status: 502, retryable: false },
  internal_error: { status: 500, retryable: false },
} as const satisfies Record<KitErrorCode, { status: number; retryable: boolean }>
