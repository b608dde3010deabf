/**
 * Kit error codes: what the browser sees when a kit call fails. Stable strings (they are API).
 * Browser code needs only this list (checking an error body, picking the `kit.<code>` message);
 * each code's HTTP status and retryability are in `kit-error-statuses.ts`, for the server.
 */
export const kitErrorCodes = [
  // Input and transport between browser and kit server
  'invalid_input',
  'csrf_rejected',
  'method_not_allowed',
  'unsupported_media_type',
  'payload_too_large',
  'not_found',
  // Flow state
  /** No flow cookie, or it is sealed with an unknown key, tampered with, or expired. */
  'no_flow',
  /** The call does not fit the flow's current step (verify before send, wrong method...). */
  'flow_step_invalid',
  /** The method is not among the user's methods for this flow. */
  'method_unavailable',
  /** Step-up needs a logged-in user; `identify` found none. */
  'unauthenticated',
  /** `requireStepUp` refused: a fresh step-up is needed (RFC 9470 style). */
  'step_up_required',
  'transaction_not_found',
  /**
   * The app's transaction cannot be shown as signed: its text (`fields` names which) holds
   * control, format, bidi or zero-width characters or line breaks (`shapes/display-text.ts`).
   */
  'transaction_invalid',
  // Authentication outcomes
  'invalid_credentials',
  'otp_invalid',
  'otp_expired',
  /** Too many wrong codes for this challenge: request a new code. */
  'challenge_locked',
  /** Too many consecutive failures: the user is blocked until `lockedUntil`. */
  'locked',
  /** Resend cooldown or send quota: wait until `retryAt`. */
  'rate_limited',
  /** The user declined the QR / push request in the app. */
  'rejected',
  /** The user has no usable second factor. */
  'not_enrolled',
  // Enrolment
  'enrolment_rejected',
  'forbidden',
  /** Removing the user's only usable factor: refused, a user always keeps one. */
  'last_factor',
  // Upstream and configuration (fail closed)
  'clock_skew',
  'upstream_unavailable',
  'upstream_timeout',
  'upstream_error',
  'upstream_bad_response',
  /** CENTAGATE rejected the app's own integration (signature, key, IP list): an operator problem. */
  'integration_error',
  'internal_error',
] as const

export type KitErrorCode = (typeof kitErrorCodes)[number]

/** Whether `value` is one of the {@link kitErrorCodes}. */
export function isKitErrorCode(value: unknown): value is KitErrorCode {
  return (kitErrorCodes as readonly unknown[]).includes(value)
}
