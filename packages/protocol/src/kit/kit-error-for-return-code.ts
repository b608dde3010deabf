/**
 * Every non-zero CENTAGATE return code maps to one kit error code and to a message key
 * (`centagate.<key>`). Server-side: browser code only reads the code and key the server sent.
 */
import { describeReturnCode } from '../centagate/return-codes'
import type { KitErrorCode } from './kit-error-codes'

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
