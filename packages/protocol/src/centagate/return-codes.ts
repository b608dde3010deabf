/**
 * Every CENTAGATE return code of API.md section 3, with a stable key, a category and whether the
 * user may retry (re-enter a code, request a new one, or wait). Messages are ours, written for logs
 * and developers; the browser shows localised text chosen by the kit error code instead.
 */

export type ReturnCodeCategory =
  /** `0`: success. */
  | 'success'
  /** `23007`: an out-of-band step is still pending. */
  | 'pending'
  /** The user declined, or the risk engine refused. */
  | 'rejected'
  /** Wrong password or code. */
  | 'credentials'
  /** The code or request is no longer valid. */
  | 'expired'
  /** A token or user is locked. */
  | 'locked'
  /** Too soon or too many requests. */
  | 'rate_limited'
  /** The app's integration is misconfigured (signature, key, IP allow-list, group): an operator problem. */
  | 'integration'
  /** `23023`: the request timestamp is outside the window: clock skew. */
  | 'clock'
  /** `10002`: a field is missing or invalid. */
  | 'input'
  /** The authentication request or session is unknown, owned by someone else or in the wrong state. */
  | 'session'
  /** The user has no such factor, or the method is not enabled. */
  | 'not_enrolled'
  /** The user is unknown or inactive. */
  | 'user'
  /** Token enrolment outcomes. */
  | 'enrolment'
  /** Device problems. */
  | 'device'
  /** Certificates (PKI), outside the kit's methods. */
  | 'certificate'
  /** Password policy. */
  | 'password'
  /** Administration outcomes outside the kit's flows. */
  | 'admin'
  /** CENTAGATE failed internally (database, SMS gateway, crypto). */
  | 'server'

export interface ReturnCodeInfo {
  readonly code: string
  /** Stable, snake_case key (used as the i18n message key `centagate.<key>`). */
  readonly key: string
  readonly category: ReturnCodeCategory
  /** Whether the user can succeed by trying again (re-entering, requesting a new code, waiting). */
  readonly retryable: boolean
  readonly message: string
}

type Row = readonly [
  code: string,
  key: string,
  category: ReturnCodeCategory,
  retryable: boolean,
  message: string,
]

const rows: readonly Row[] = [
  ['0', 'success', 'success', false, 'Success'],
  [
    '1',
    'adaptive_no_step_up',
    'not_enrolled',
    false,
    'Adaptive: no step-up path; continue with a password login',
  ],
  ['6002', 'token_register_failed', 'enrolment', false, 'Token register to user failed'],
  [
    '6007',
    'cr_token_not_allowed',
    'enrolment',
    false,
    'User is not allowed to bind with a CR OTP token',
  ],
  ['10001', 'permission_denied', 'integration', false, 'Permission not allowed'],
  ['10002', 'invalid_input', 'input', false, 'Invalid input'],
  ['10003', 'database_protection_error', 'server', false, 'Database protection error'],
  ['10004', 'database_error', 'server', false, 'Database error'],
  ['10007', 'sms_send_failed', 'server', true, 'Send SMS failed'],
  ['10011', 'cryptographic_error', 'server', false, 'Cryptographic error'],
  ['20002', 'company_not_found', 'admin', false, 'Company not found'],
  ['20007', 'company_not_active', 'admin', false, 'Company is not active'],
  ['21001', 'group_not_found', 'admin', false, 'Group not found'],
  ['22001', 'duplicate_email', 'admin', false, 'Duplicate user email'],
  ['22002', 'user_not_found', 'user', false, 'User not found'],
  ['22003', 'password_not_found', 'user', false, 'User password not found'],
  ['22004', 'user_not_active', 'user', false, 'User is not active'],
  ['22005', 'mobile_not_found', 'not_enrolled', false, 'User mobile number not found'],
  ['22006', 'requestor_is_user', 'admin', false, 'Requestor and user are the same user'],
  ['22011', 'self_registration_failed', 'admin', false, 'User self-registration failed'],
  ['22013', 'user_limit_reached', 'admin', false, 'User limit reached'],
  ['22016', 'user_not_locked', 'admin', false, 'User not in locked status'],
  ['22023', 'sms_wait', 'rate_limited', true, 'Wait before requesting another SMS code'],
  ['22025', 'duplicate_username', 'admin', false, 'Duplicate username'],
  ['22027', 'user_already_bound', 'enrolment', false, 'User already bound with a token'],
  ['22029', 'user_edit_pending', 'admin', false, 'User edit pending approval'],
  ['22031', 'user_edit_failed', 'admin', false, 'User edit failed'],
  ['23001', 'invalid_credentials', 'credentials', true, 'Invalid credentials'],
  ['23002', 'sms_otp_wait', 'rate_limited', true, 'Wait before requesting another SMS OTP'],
  ['23003', 'random_string_failed', 'server', false, 'Generate random string failed'],
  ['23004', 'sms_otp_generate_failed', 'server', true, 'Generate SMS OTP failed'],
  ['23005', 'challenge_generate_failed', 'server', true, 'Generate OTP challenge failed'],
  ['23006', 'push_softcert_failed', 'server', true, 'Push mobile soft certificate failed'],
  ['23007', 'authentication_pending', 'pending', true, 'Authentication is pending'],
  ['23008', 'invalid_sms_otp', 'credentials', true, 'Invalid SMS OTP'],
  ['23009', 'sms_otp_expired', 'expired', true, 'SMS OTP expired'],
  ['23010', 'sms_otp_not_generated', 'session', true, 'SMS OTP has not been generated'],
  ['23012', 'certificate_revoked', 'certificate', false, 'Certificate revoked'],
  ['23013', 'no_device_bound', 'not_enrolled', false, 'User is not bound to any device'],
  ['23014', 'unknown_device_os', 'device', false, 'Unknown device OS'],
  ['23015', 'push_audiopass_failed', 'server', true, 'Push mobile audio pass failed'],
  [
    '23016',
    'auth_request_not_found',
    'session',
    true,
    'Authentication data / request does not exist',
  ],
  ['23017', 'method_not_enabled', 'not_enrolled', false, 'Authentication method not enabled'],
  ['23018', 'invalid_request_status', 'session', true, 'Invalid authentication request status'],
  [
    '23019',
    'request_owner_mismatch',
    'session',
    false,
    'Authentication request owner does not match',
  ],
  [
    '23020',
    'ip_not_allowed',
    'integration',
    false,
    "Rejected: caller IP not in the app's allowed list",
  ],
  [
    '23021',
    'group_not_allowed',
    'integration',
    false,
    "Rejected: user's group may not use this app",
  ],
  [
    '23022',
    'invalid_signature',
    'integration',
    false,
    'Rejected: invalid API signature (HMAC mismatch)',
  ],
  ['23023', 'request_expired', 'clock', false, 'Rejected: request expired (timestamp)'],
  ['23024', 'api_not_found', 'integration', false, 'API not found (unknown integration key)'],
  ['23025', 'web_api_error', 'server', false, 'Authentication API error'],
  ['23026', 'request_rejected', 'rejected', false, 'Authentication request rejected by the user'],
  ['23027', 'country_not_found', 'rejected', false, 'Rejected: country code not found'],
  ['23028', 'timezone_mismatch', 'rejected', false, 'Rejected: timezone does not match requester'],
  ['23029', 'not_ldap_app', 'integration', false, "Rejected: integration key is not an LDAP app's"],
  ['23030', 'ad_proxy_setting', 'integration', false, 'Rejected: AD proxy setting'],
  ['23031', 'ad_credentials', 'integration', false, 'Rejected: AD credentials'],
  ['23032', 'ad_connection', 'server', false, 'Rejected: AD connection'],
  ['23033', 'ad_must_change_password', 'password', false, 'Rejected: AD password must be changed'],
  ['23034', 'push_cr_failed', 'server', true, 'Push mobile CR OTP failed'],
  ['23035', 'token_out_of_sync', 'credentials', true, 'OTP token out of sync'],
  ['23036', 'token_locked', 'locked', false, 'OTP token locked'],
  ['23037', 'fingerprint_mismatch', 'rejected', false, 'Fingerprint does not match'],
  ['23039', 'no_second_factor', 'not_enrolled', false, 'User has not enabled any 2FA method'],
  ['25009', 'insufficient_sms_credit', 'server', false, 'Insufficient SMS credit'],
  ['26001', 'certificate_not_found', 'certificate', false, 'Certificate not found'],
  ['26010', 'certificate_not_owned', 'certificate', false, 'Certificate not owned by the user'],
  // API.md 5.20: 26011 means "revoked" in the return-code list (and "not found" in one PDF section).
  ['26011', 'certificate_revoked_26011', 'certificate', false, 'Certificate revoked'],
  ['27001', 'invalid_licence', 'admin', false, 'Invalid licence file'],
  ['28003', 'password_in_history', 'password', true, 'Password used before'],
  ['28004', 'password_length', 'password', true, 'Password length not allowed'],
  ['28005', 'password_complexity', 'password', true, 'Password not complex enough'],
  ['28006', 'password_blacklisted', 'password', true, 'Password blacklisted'],
  ['28007', 'password_same_as_current', 'password', true, 'Password same as current'],
  ['28008', 'password_changed_too_often', 'password', true, 'Password changed too often'],
  ['29001', 'token_not_found', 'enrolment', true, 'Token not found'],
  ['29002', 'token_not_active', 'enrolment', false, 'Token not active'],
  ['29003', 'token_not_bound', 'enrolment', false, 'Token not bound to the user'],
  ['29004', 'phone_in_use', 'enrolment', true, 'Phone number already used'],
  [
    '29008',
    'otp_token_already_registered',
    'enrolment',
    false,
    'An OTP token is already registered to this user',
  ],
  ['29011', 'invalid_activation_code', 'enrolment', true, 'Invalid token activation code'],
  ['29013', 'token_unowned', 'enrolment', false, 'Token does not belong to any user'],
  ['29017', 'invalid_token_status', 'enrolment', false, 'Invalid token status'],
  ['29018', 'sms_already_requested', 'rate_limited', true, 'SMS has already been requested'],
  ['36000', 'device_not_found', 'device', false, 'Device not found'],
  ['36004', 'device_not_active', 'device', false, 'User device not active'],
  ['37000', 'fido_login_error', 'not_enrolled', false, 'FIDO login error'],
  ['38000', 'invalid_security_question', 'admin', false, 'Invalid security question'],
  ['54002', 'otp_sync_failed', 'enrolment', false, 'Sync OTP failed'],
  ['55000', 'invalid_pkcs7_signature', 'certificate', false, 'Invalid signature (PKCS#7)'],
  ['56000', 'fingerprint_not_registered', 'not_enrolled', false, 'Fingerprint not registered'],
  [
    '230001',
    'transaction_quota_reached',
    'server',
    false,
    'Company reached its maximum allowed transactions',
  ],
]

/** The catalogue, keyed by code string. */
export const returnCodes: Readonly<Record<string, ReturnCodeInfo>> = Object.freeze(
  Object.fromEntries(
    rows.map(([code, key, category, retryable, message]) => [
      code,
      Object.freeze({ code, key, category, retryable, message }),
    ]),
  ),
)

/**
 * The information for a code; an unknown code becomes `unknown_<code>` in category `server`
 * (fail closed: never mistaken for success).
 */
export function describeReturnCode(code: string | number): ReturnCodeInfo {
  const text = String(code)
  return (
    returnCodes[text] ?? {
      code: text,
      key: `unknown_${text.replace(/[^0-9-]/g, '') || 'code'}`,
      category: 'server',
      retryable: false,
      message: 'Unknown CENTAGATE return code',
    }
  )
}
