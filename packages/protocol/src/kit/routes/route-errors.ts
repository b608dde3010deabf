/**
 * The groups route declarations compose their `errors` from. Each group is one cause on the
 * server; `route-errors.test.ts` ties `upstreamErrors` to the return-code table.
 */
import type { KitErrorCode } from '../kit-error-codes'

/**
 * Codes any route may answer: the request was refused before the route's code ran (CSRF, content
 * type, size, schema), or something unexpected happened (`internal_error`, never a stack trace).
 */
export const everyRouteErrors = [
  'invalid_input',
  'csrf_rejected',
  'method_not_allowed',
  'unsupported_media_type',
  'payload_too_large',
  'internal_error',
] as const satisfies readonly KitErrorCode[]

/**
 * The user or address is refused before any upstream call (lockout, failure budget), or the
 * counter store is down (`upstream_unavailable`, fail closed).
 */
export const actorErrors = [
  'locked',
  'rate_limited',
  'challenge_locked',
  'upstream_unavailable',
] as const satisfies readonly KitErrorCode[]

/** A route that works on the current flow's method: no flow, wrong step, method not offered. */
export const flowErrors = [
  'no_flow',
  'flow_step_invalid',
  'method_unavailable',
] as const satisfies readonly KitErrorCode[]

/** Verifying a code: wrong, expired, too many tries; or CENTAGATE ends the flow. */
export const verifyErrors = [
  'otp_invalid',
  'otp_expired',
  'challenge_locked',
  'locked',
  'rejected',
  'not_enrolled',
] as const satisfies readonly KitErrorCode[]

/**
 * A CENTAGATE call failed: the transport (fail closed), or a return code, each of which maps to
 * one of these (`kitErrorForReturnCode`).
 */
export const upstreamErrors = [
  // transport and answer
  'clock_skew',
  'upstream_unavailable',
  'upstream_timeout',
  'upstream_error',
  'upstream_bad_response',
  'integration_error',
  // what CENTAGATE return codes map to
  'flow_step_invalid',
  'rejected',
  'otp_invalid',
  'otp_expired',
  'locked',
  'rate_limited',
  'invalid_input',
  'no_flow',
  'not_enrolled',
  'invalid_credentials',
  'enrolment_rejected',
  'internal_error',
] as const satisfies readonly KitErrorCode[]
