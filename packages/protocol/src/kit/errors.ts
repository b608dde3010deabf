/**
 * Kit error codes: what the browser sees when a kit call fails. Stable strings (they are API);
 * each has its HTTP status and whether the user can fix it by trying again. Every CENTAGATE return
 * code maps to one of them ({@link kitErrorForReturnCode}) and to a message key.
 */
import { describeReturnCode } from '../centagate/return-codes'

export const kitErrors = {
  // Input and transport between browser and kit server
  invalid_input: { status: 400, retryable: false },
  csrf_rejected: { status: 403, retryable: false },
  method_not_allowed: { status: 405, retryable: false },
  unsupported_media_type: { status: 415, retryable: false },
  payload_too_large: { status: 413, retryable: false },
  not_found: { status: 404, retryable: false },
  // Flow state
  /** No flow cookie, or it is sealed with an unknown key, tampered with, or expired. */
  no_flow: { status: 409, retryable: false },
  /** The call does not fit the flow's current step (verify before send, wrong method...). */
  flow_step_invalid: { status: 409, retryable: false },
  /** The method is not among the user's methods for this flow. */
  method_unavailable: { status: 409, retryable: false },
  /** Step-up needs a logged-in user; `identify` found none. */
  unauthenticated: { status: 401, retryable: false },
  /** `requireStepUp` refused: a fresh step-up is needed (RFC 9470 style). */
  step_up_required: { status: 401, retryable: true },
  transaction_not_found: { status: 404, retryable: false },
  // Authentication outcomes
  invalid_credentials: { status: 401, retryable: true },
  otp_invalid: { status: 401, retryable: true },
  otp_expired: { status: 410, retryable: true },
  /** Too many wrong codes for this challenge: request a new code. */
  challenge_locked: { status: 429, retryable: true },
  /** Too many consecutive failures: the user is blocked until `lockedUntil`. */
  locked: { status: 423, retryable: false },
  /** Resend cooldown or send quota: wait until `retryAt`. */
  rate_limited: { status: 429, retryable: true },
  /** The user declined the QR / push request in the app. */
  rejected: { status: 403, retryable: false },
  /** The user has no usable second factor. */
  not_enrolled: { status: 409, retryable: false },
  // Enrolment
  enrolment_rejected: { status: 409, retryable: true },
  forbidden: { status: 403, retryable: false },
  // Upstream and configuration (fail closed)
  clock_skew: { status: 503, retryable: false },
  upstream_unavailable: { status: 503, retryable: true },
  upstream_timeout: { status: 504, retryable: true },
  upstream_error: { status: 502, retryable: true },
  upstream_bad_response: { status: 502, retryable: false },
  /** CENTAGATE rejected the app's own integration (signature, key, IP list): an operator problem. */
  integration_error: { status: 502, retryable: false },
  internal_error: { status: 500, retryable: false },
} as const satisfies Record<string, { status: number; retryable: boolean }>

export type KitErrorCode = keyof typeof kitErrors
export const kitErrorCodes = Object.keys(kitErrors) as KitErrorCode[]

/** The kit error for a non-zero CENTAGATE return code, and the message key that describes it. */
export function kitErrorForReturnCode(code: string | number): {
  error: KitErrorCode
  messageKey: string
} {
  const info = describeReturnCode(code)
  const messageKey = `centagate.${info.key}`
  switch (info.code) {
    case '23009':
      return { error: 'otp_expired', messageKey }
    case '23002':
    case '22023':
    case '29018':
      return { error: 'rate_limited', messageKey }
    case '23023':
      return { error: 'clock_skew', messageKey }
    default:
      break
  }
  const byCategory: Record<typeof info.category, KitErrorCode> = {
    success: 'internal_error',
    pending: 'flow_step_invalid',
    rejected: 'rejected',
    credentials: 'otp_invalid',
    expired: 'otp_expired',
    locked: 'locked',
    rate_limited: 'rate_limited',
    integration: 'integration_error',
    clock: 'clock_skew',
    input: 'invalid_input',
    session: 'no_flow',
    not_enrolled: 'not_enrolled',
    user: 'invalid_credentials',
    enrolment: 'enrolment_rejected',
    device: 'not_enrolled',
    certificate: 'not_enrolled',
    password: 'invalid_credentials',
    admin: 'upstream_error',
    server: 'upstream_error',
  }
  return { error: byCategory[info.category], messageKey }
}
