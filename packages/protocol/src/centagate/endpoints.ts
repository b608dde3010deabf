/**
 * The CENTAGATE endpoint catalogue as data: every call the kit uses (API.md 1.9), with method,
 * base path, path template, body fields, the signed-field order (the evidence-backed default of
 * API.md 1.5) and the alternative orders the vendor documents show (the emulator's lenient mode
 * accepts them). The signing server signs and the emulator verifies from this one table, so the
 * two cannot drift.
 */
import type { BasePathId } from './base-paths'
import { basePaths } from './base-paths'
import type { PayloadKind } from './payloads'
import { order } from './signed-order'

export interface FieldDefinition {
  /** JSON key in the request body (camelCase, API.md 5.4). */
  readonly name: string
  /** The server answers 10002 when a required field is missing or empty. */
  readonly required: boolean
  /** What the field carries, briefly. */
  readonly note?: string
}

export interface AlternativeOrder {
  /** Where the order was seen (API.md section 2 source column). */
  readonly source: string
  readonly order: readonly string[]
}

export interface EndpointDefinition<Name extends string = string> {
  readonly name: Name
  readonly title: string
  /** API.md section describing the call. */
  readonly section: string
  readonly method: 'POST' | 'PUT' | 'GET'
  readonly base: BasePathId
  /** Path below the base, with `{param}` placeholders filled from `pathParams`. */
  readonly path: string
  /** Other spellings CENTAGATE is documented to answer on (same base). */
  readonly aliasPaths: readonly string[]
  /** Legacy v1 paths of the same call (API.md 1.1). */
  readonly legacyPaths: readonly { readonly base: BasePathId; readonly path: string }[]
  /** `hmac`: app HMAC over `signedOrder`; `cenToken`: admin token; `none`: unsigned. */
  readonly auth: 'hmac' | 'cenToken' | 'none'
  readonly pathParams: readonly string[]
  /** Body fields (without `hmac`). Empty for GET calls. */
  readonly fields: readonly FieldDefinition[]
  /** The order values are concatenated in for the HMAC (API.md 1.5). Empty unless `auth` is `hmac`. */
  readonly signedOrder: readonly string[]
  /** Other orders the documents show, for the emulator's lenient mode. */
  readonly alternativeOrders: readonly AlternativeOrder[]
  /** Confidence of `signedOrder` in API.md section 2. */
  readonly confidence: 'high' | 'medium' | 'low'
  /** Which decoder reads the success `object`. */
  readonly payload: PayloadKind
  /** How `object` is encoded on success: JSON text inside a string, or a real JSON value. */
  readonly objectEncoding: 'json-string' | 'json'
}

const context: readonly FieldDefinition[] = [
  { name: 'supportFido', required: false, note: '"true"/"false"/"" (lowercase; API.md 5.22)' },
  { name: 'ipAddress', required: false, note: 'end-user IP for the risk engine' },
  { name: 'userAgent', required: false, note: 'end-user browser user agent' },
  { name: 'browserFp', required: false, note: 'browser fingerprint (visitor id)' },
]
const app: readonly FieldDefinition[] = [
  {
    name: 'integrationKey',
    required: true,
    note: 'app integration key (API.md 5.12: always required)',
  },
  { name: 'unixTimestamp', required: true, note: 'seconds since the epoch, as a string' },
]
const token = (required = false): FieldDefinition => ({
  name: 'authToken',
  required,
  note: 'latest token of this login; rotates after each step',
})
const devAccId: FieldDefinition = {
  name: 'devAccId',
  required: false,
  note: 'device account id; documented R on v2 pages, but a missing one means the default device (API.md 5.5)',
}
const alt = (source: string, spec: string): AlternativeOrder => ({ source, order: order(spec) })

const hmacCall = {
  auth: 'hmac',
  method: 'POST',
  base: 'v2',
  aliasPaths: [],
  legacyPaths: [],
  pathParams: [],
  objectEncoding: 'json-string',
} as const

const adminCall = {
  auth: 'cenToken',
  method: 'PUT',
  base: 'v1',
  aliasPaths: [],
  legacyPaths: [],
  pathParams: ['adminUsername'],
  signedOrder: [],
  alternativeOrders: [],
  confidence: 'high',
  objectEncoding: 'json-string',
} as const

const cenTokenField: FieldDefinition = {
  name: 'cenToken',
  required: true,
  note: 'HMAC-SHA256(secretCode, adminUsername + authToken) of the admin session (API.md 1.4)',
}

export const endpoints = {
  authBasic: {
    ...hmacCall,
    name: 'authBasic',
    title: 'Username/password login',
    section: '2.1',
    path: 'auth/authBasic',
    fields: [
      { name: 'username', required: true },
      { name: 'password', required: true },
      ...app,
      ...context,
      { name: 'isPasswordEncrypted', required: false, note: 'PDF18 only; "1" when AES-encrypted' },
    ],
    // No authToken: the login has not started yet.
    signedOrder: order('U, password, IK, TS, SF, IP, UA, FP'),
    alternativeOrders: [
      alt('page 128 table, GH table', 'U, password, UA, IK, SF, FP, TS, IP'),
      alt('GH PHP, GH Postman, JSF, React', 'U, password, IK, TS'),
      alt('SSO', 'U, password, IK, TS, SF, IP, UA'),
      alt('IB', 'U, password, IK, TS, IP, UA, FP'),
    ],
    confidence: 'high',
    payload: 'authResult',
  },
  adaptive: {
    ...hmacCall,
    name: 'adaptive',
    title: 'Adaptive / passwordless pre-login',
    section: '2.2',
    path: 'auth/adaptive',
    fields: [
      { name: 'username', required: true },
      { name: 'authResult', required: true, note: '"true": your own first factor passed' },
      token(),
      ...app,
      ...context,
    ],
    signedOrder: order('U, authResult, TAIL'),
    alternativeOrders: [
      alt('page 1189 table, GH table', 'U, authResult, UA, IK, SF, FP, TS, AT, IP'),
      alt('GH PHP', 'U, authResult, AT, IK, TS, SF, IP, UA, FP'),
      alt('GH Postman, BMS, JSF', 'U, authResult, IK, TS'),
      alt('SSO', 'U, authResult, IK, TS, SF, IP, UA'),
    ],
    confidence: 'high',
    payload: 'authResult',
  },
  requestSmsOtp: {
    ...hmacCall,
    name: 'requestSmsOtp',
    title: 'Request SMS OTP',
    section: '2.3',
    path: 'req/requestSmsOtp',
    legacyPaths: [{ base: 'v1', path: 'auth/requestSmsOtp' }],
    fields: [{ name: 'username', required: true }, token(), ...app, ...context],
    signedOrder: order('U, TAIL'),
    alternativeOrders: [
      alt('page 1359 table, GH table, GH Python', 'U, AT, UA, IK, SF, FP, TS, IP'),
      alt('GH Java, GH Node, GH PHP', 'U, AT, IK, TS, SF, IP, UA, FP'),
      alt('GH Postman, React', 'U, IK, TS'),
      alt('PDF18, SSO', 'U, IK, TS, AT, IP, UA'),
      alt('IB', 'U, IK, TS, IP, UA'),
    ],
    confidence: 'high',
    payload: 'smsRequest',
  },
  authSmsOtp: {
    ...hmacCall,
    name: 'authSmsOtp',
    title: 'Verify SMS OTP',
    section: '2.4',
    path: 'auth/authSmsOtp',
    fields: [
      { name: 'username', required: true },
      { name: 'smsOtp', required: true, note: 'the code received by SMS' },
      token(),
      ...app,
      ...context,
    ],
    signedOrder: order('U, smsOtp, TAIL'),
    alternativeOrders: [
      alt('page 457 table, GH table', 'U, smsOtp, UA, IK, SF, FP, TS, IP'),
      alt('page 457 Java, GH Java', 'U, smsOtp, AT, IK, TS, SF, IP, UA, FP'),
      alt('page 457 PHP, GH PHP', 'U, smsOtp, IK, AT, TS, SF, IP, UA, FP'),
      alt('GH Postman, React', 'U, smsOtp, IK, TS'),
      alt('SSO', 'U, smsOtp, IK, TS, AT, IP, UA'),
      alt('IB', 'U, smsOtp, IK, TS, AT, IP, UA, FP'),
    ],
    confidence: 'high',
    payload: 'authResult',
  },
  authOtp: {
    ...hmacCall,
    name: 'authOtp',
    title: 'Verify time/event OTP',
    section: '2.5',
    path: 'auth/authOtp',
    fields: [
      { name: 'username', required: true },
      devAccId,
      { name: 'otp', required: true },
      {
        name: 'otpType',
        required: false,
        note: '"online" (mobile app) / "offline" (hardware token)',
      },
      { name: 'tokenId', required: false, note: 'token serial; sent, not signed' },
      token(),
      ...app,
      ...context,
    ],
    signedOrder: order('U, devAccId, otp, otpType, TAIL'),
    alternativeOrders: [
      alt('page 135 table, GH table', 'U, devAccId, otp, UA, IK, SF, FP, TS, AT, IP'),
      alt('GH Java, GH PHP', 'U, devAccId, otp, AT, IK, TS, SF, IP, UA, FP'),
      alt('GH Node', 'U, devAccId, otp, IK, TS, AT, SF, IP, UA, FP'),
      alt('GH Postman, JSF', 'U, otp, IK, TS'),
      alt('PDF18, IB', 'U, otp, IK, TS, AT, SF, IP, UA, FP'),
    ],
    confidence: 'medium',
    payload: 'authResult',
  },
  requestOtpChallenge: {
    ...hmacCall,
    name: 'requestOtpChallenge',
    title: 'Request challenge-response OTP challenge',
    section: '2.6',
    path: 'req/requestOtpChallenge',
    legacyPaths: [{ base: 'v1', path: 'auth/requestOtpChallenge' }],
    fields: [
      { name: 'username', required: true },
      devAccId,
      {
        name: 'otpType',
        required: false,
        note: '"online" (mobile app) / "offline" (hardware token)',
      },
      { name: 'tokenId', required: false, note: 'hardware token serial; sent, not signed' },
      token(),
      ...app,
      ...context,
    ],
    signedOrder: order('U, devAccId, otpType, TAIL'),
    alternativeOrders: [
      alt('page 1361 Node, GH Node', 'U, devAccId, AT, IK, TS, SF, IP, UA, FP'),
      alt('page 1361 PHP, GH PHP, SSO', 'U, devAccId, otpType, IK, TS, AT, IP, UA'),
      alt('GH Postman, JSF', 'U, devAccId, IK, TS'),
      alt('PDF18 (v1)', 'U, IK, TS, AT, IP, UA'),
    ],
    confidence: 'high',
    payload: 'challenge',
  },
  authCrOtp: {
    ...hmacCall,
    name: 'authCrOtp',
    title: 'Verify challenge-response OTP',
    section: '2.7',
    path: 'auth/authCrOtp',
    fields: [
      { name: 'username', required: true },
      devAccId,
      { name: 'crOtp', required: true, note: 'response shown by the token or app' },
      { name: 'otpType', required: false },
      { name: 'challenge', required: true, note: 'the otpChallenge of requestOtpChallenge' },
      { name: 'tokenId', required: false, note: 'hardware token serial; sent, not signed' },
      token(),
      ...app,
      ...context,
    ],
    signedOrder: order('U, devAccId, crOtp, otpType, challenge, TAIL'),
    alternativeOrders: [
      alt('GH Node', 'U, devAccId, crOtp, challenge, AT, IK, TS, SF, IP, UA, FP'),
      alt('GH Postman', 'U, devAccId, challenge, crOtp, IK, TS'),
      alt('SSO', 'U, devAccId, crOtp, otpType, challenge, IK, TS, AT, SF, IP, UA'),
      alt('JSF', 'U, devAccId, crOtp, challenge, IK, TS'),
      alt('PDF18, IB (v1)', 'U, crOtp, challenge, IK, TS, AT, SF, IP, UA, FP'),
    ],
    confidence: 'high',
    payload: 'authResult',
  },
  requestQrCode: {
    ...hmacCall,
    name: 'requestQrCode',
    title: 'Request QR code (login or transaction)',
    section: '2.8',
    path: 'req/requestQrCode',
    legacyPaths: [{ base: 'v1', path: 'auth/requestQrCode' }],
    fields: [
      { name: 'username', required: true },
      devAccId,
      { name: 'details', required: true, note: 'Base64 text shown in the app' },
      token(),
      ...app,
      ...context,
    ],
    signedOrder: order('U, devAccId, details, TAIL'),
    alternativeOrders: [
      alt('GH table, GH Python (login)', 'U, devAccId, details, AT, UA, IK, SF, FP, TS, IP'),
      alt('GH Java/Node/PHP (login)', 'U, devAccId, details, AT, IK, TS, SF, IP, UA, FP'),
      alt('GH Java/Node/PHP (transaction)', 'U, details, devAccId, AT, IK, TS, SF, IP, UA, FP'),
      alt('GH Postman, JSF, BMS', 'U, devAccId, details, IK, TS'),
      alt('SSO', 'U, devAccId, details, IK, TS, AT, IP, UA'),
      alt('PDF18 (v1)', 'U, details, IK, TS, AT, IP, UA'),
    ],
    confidence: 'high',
    payload: 'qrRequest',
  },
  authQrCode: {
    ...hmacCall,
    name: 'authQrCode',
    title: 'Verify QR OTP (login)',
    section: '2.9',
    path: 'auth/authQrCode',
    // API.md 5.2: both spellings exist; the emulator accepts both for both.
    aliasPaths: ['auth/authQRCode'],
    fields: [
      { name: 'username', required: true },
      devAccId,
      { name: 'otp', required: true, note: 'OTP shown by the app after scanning' },
      { name: 'challenge', required: true, note: 'otpChallenge of requestQrCode' },
      { name: 'details', required: true, note: 'Base64 of the plainText of requestQrCode' },
      { name: 'otpType', required: false, note: 'sent, not signed' },
      { name: 'tokenId', required: false, note: 'sent, not signed' },
      token(),
      ...app,
      ...context,
    ],
    signedOrder: order('U, devAccId, otp, challenge, details, TAIL'),
    alternativeOrders: [
      alt(
        'page 1199 table, GH table',
        'U, devAccId, otp, challenge, details, IK, TS, AT, SF, IP, FP, UA',
      ),
      alt('GH Java/Node/PHP', 'U, devAccId, otp, challenge, details, AT, IK, TS, SF, IP, UA, FP'),
      alt('SSO', 'U, otp, challenge, details, IK, TS, AT, IP, UA'),
      alt('PDF18, IB', 'U, otp, challenge, details, IK, TS, AT, SF, IP, UA, FP'),
    ],
    confidence: 'high',
    payload: 'authResult',
  },
  authQRCode: {
    ...hmacCall,
    name: 'authQRCode',
    title: 'Verify QR OTP (transaction signing)',
    section: '2.10',
    path: 'auth/authQRCode',
    aliasPaths: ['auth/authQrCode'],
    fields: [
      { name: 'username', required: true },
      devAccId,
      { name: 'otp', required: true, note: 'OTP the app produced for the scanned transaction' },
      { name: 'challenge', required: true },
      { name: 'details', required: true, note: 'Base64 of <account ID>|<request ID>|<details>' },
      {
        name: 'transactionValue',
        required: true,
        note: 'the transaction value; body only (API.md 5.3)',
      },
      { name: 'isTransaction', required: true, note: 'always "1"; body only' },
      token(),
      ...app,
      ...context,
    ],
    signedOrder: order('U, devAccId, otp, challenge, details, TAIL'),
    alternativeOrders: [
      alt('page 1997 table', 'U, devAccId, otp, challenge, details, AT, UA, IK, SF, FP, TS, IP'),
      alt(
        'page 1997 Java/PHP, GH Java/PHP',
        'U, devAccId, otp, challenge, details, AT, IK, TS, SF, IP, UA, FP',
      ),
      alt(
        'GH Postman',
        'U, devAccId, otp, challenge, details, transactionValue, isTransaction, IK, TS',
      ),
    ],
    confidence: 'medium',
    payload: 'transactionResult',
  },
  statecheck: {
    ...hmacCall,
    name: 'statecheck',
    title: 'Poll out-of-band authentication state',
    section: '2.11',
    base: 'v1',
    path: 'session/statecheck',
    legacyPaths: [{ base: 'v1', path: 'auth/statecheck' }],
    fields: [
      { name: 'username', required: true },
      { name: 'authMethod', required: true, note: 'MSOFTCERT, MAUDIOPASS, QRCODE, CROTP or PUSH' },
      token(true),
      ...app,
      ...context,
    ],
    signedOrder: order('U, authMethod, TAIL'),
    alternativeOrders: [
      alt('page 1373 table, GH table, GH Python', 'U, authMethod, UA, IK, SF, FP, TS, AT, IP'),
      alt('GH Java/Node/PHP', 'U, authMethod, AT, IK, TS, SF, IP, UA, FP'),
      alt('GH Postman', 'U, authMethod, AT, IK, TS'),
      alt('PDF18', 'U, authMethod, IK, TS, AT, SF, IP, UA'),
      alt('SSO, JSF, React', 'U, authMethod, IK, TS, AT'),
    ],
    confidence: 'high',
    payload: 'authResult',
  },
  requestSmsTransOtp: {
    ...hmacCall,
    name: 'requestSmsTransOtp',
    title: 'Request SMS OTP for a transaction',
    section: '2.13',
    path: 'req/requestSmsTransOtp',
    fields: [
      { name: 'username', required: true },
      { name: 'details', required: true, note: 'transaction details, shown in the SMS' },
      { name: 'transactionId', required: true },
      token(),
      ...app,
      ...context,
    ],
    signedOrder: order('U, details, transactionId, TAIL'),
    alternativeOrders: [
      alt('page 1980 table, GH table', 'U, details, transactionId, AT, UA, IK, SF, FP, TS, IP'),
      alt('GH Java/Node/PHP', 'U, details, transactionId, AT, IK, TS, SF, IP, UA, FP'),
      alt('GH Postman', 'U, details, transactionId, IK, TS'),
    ],
    confidence: 'medium',
    payload: 'smsTransRequest',
  },
  authoriseSmsTrans: {
    ...hmacCall,
    name: 'authoriseSmsTrans',
    title: 'Authorise an SMS-signed transaction',
    section: '2.14',
    path: 'trans/authoriseSmsTrans/{username}',
    pathParams: ['username'],
    fields: [
      { name: 'username', required: true, note: 'also in the path' },
      { name: 'transactionId', required: true, note: 'as requested' },
      { name: 'details', required: true, note: 'as requested' },
      { name: 'smsOtp', required: true },
      token(),
      ...app,
      ...context,
    ],
    signedOrder: order('U, transactionId, details, smsOtp, TAIL'),
    alternativeOrders: [
      // API.md 5.10: unresolved; this is the documented fallback order.
      alt('GH Java/Node/PHP (fallback of API.md 2.14)', 'U, details, transactionId, smsOtp, TAIL'),
      alt(
        'page 1982 table, GH table',
        'U, transactionId, details, smsOtp, AT, UA, IK, SF, FP, TS, IP',
      ),
      alt('GH Java/Node/PHP', 'U, details, transactionId, smsOtp, AT, IK, TS, SF, IP, UA, FP'),
      alt('GH Postman', 'U, transactionId, details, smsOtp, AT, IK, TS'),
    ],
    confidence: 'low',
    payload: 'transactionResult',
  },
  requestTransactionSigningChallenge: {
    ...hmacCall,
    name: 'requestTransactionSigningChallenge',
    title: 'Request a challenge for transaction signing',
    section: '2.15',
    path: 'req/requestTransactionSigningChallenge',
    legacyPaths: [{ base: 'v1', path: 'trans/requestTransactionSigningChallenge' }],
    fields: [
      { name: 'username', required: true },
      { name: 'details', required: true },
      { name: 'transactionId', required: true },
      token(),
      ...app,
      ...context,
    ],
    signedOrder: order('U, details, transactionId, TAIL'),
    alternativeOrders: [
      alt('GH table', 'U, details, transactionId, AT, UA, IK, SF, FP, TS, IP'),
      alt('GH Java/Node', 'U, details, transactionId, AT, IK, TS, SF, IP, UA, FP'),
      alt('GH PHP', 'U, details, transactionId, IK, TS, AT, IP, UA'),
      alt('GH Postman', 'U, details, transactionId, IK, TS'),
      alt('IB (v1)', 'U, details, transactionId, IK, TS, IP, UA'),
    ],
    confidence: 'high',
    payload: 'challenge',
  },
  authTransactionSigningCrOtp: {
    ...hmacCall,
    name: 'authTransactionSigningCrOtp',
    title: 'Authorise a transaction with a challenge-response OTP',
    section: '2.16',
    path: 'trans/authTransactionSigningCrOtp',
    fields: [
      { name: 'username', required: true },
      { name: 'otp', required: true },
      { name: 'details', required: true, note: 'as requested' },
      { name: 'transactionId', required: true, note: 'as requested' },
      { name: 'challenge', required: true, note: 'sent, not signed (API.md 5.9)' },
      token(),
      ...app,
      ...context,
    ],
    signedOrder: order('U, otp, details, transactionId, TAIL'),
    alternativeOrders: [
      alt(
        'page 1986 table, GH table',
        'U, otp, details, transactionId, AT, UA, IK, SF, FP, TS, IP',
      ),
      alt('GH Java/Node', 'U, otp, details, transactionId, AT, IK, TS, SF, IP, UA, FP'),
      alt('GH Python', 'U, transactionId, details, otp, challenge, IK, TS, AT, SF, IP, UA, FP'),
      alt('GH Postman', 'U, transactionId, details, otp, challenge, AT, IK, TS'),
    ],
    confidence: 'medium',
    payload: 'transactionResult',
  },
  registerActiveToken: {
    ...adminCall,
    name: 'registerActiveToken',
    title: 'Register an SMS number or hardware OTP token',
    section: '2.18',
    path: 'token/registerActiveToken/{adminUsername}',
    fields: [
      { name: 'username', required: true, note: 'user who gets the token' },
      { name: 'tokenSn', required: true, note: 'mobile number (type 1) or token serial (type 2)' },
      { name: 'tokenType', required: true, note: '"1" SMS, "2" OTP token' },
      cenTokenField,
      { name: 'activateToken', required: false, note: 'undocumented; one client sent "1"' },
    ],
    payload: 'tokenRegistration',
  },
  registerOfflineOtp: {
    ...adminCall,
    name: 'registerOfflineOtp',
    title: 'Register an offline OTP token',
    section: '2.19',
    path: 'token/register/otp/offline/{adminUsername}',
    fields: [{ name: 'username', required: true }, cenTokenField],
    payload: 'offlineRegistration',
  },
  userAuthList: {
    ...adminCall,
    name: 'userAuthList',
    title: 'List the factors bound to a user',
    section: '2.20',
    path: 'user/auth/list/{adminUsername}',
    fields: [{ name: 'username', required: true }, cenTokenField],
    payload: 'authList',
  },
  listMultipleUserDevice: {
    ...adminCall,
    name: 'listMultipleUserDevice',
    title: "List a user's devices (devAccId)",
    section: '2.20',
    // API.md 5.8: GET, values in the path; `username` is the caller whose session made cenToken.
    method: 'GET',
    path: 'device/listMultipleUserDevice/{username}/{cenToken}/{userId}',
    pathParams: ['username', 'cenToken', 'userId'],
    fields: [],
    payload: 'deviceList',
    // API.md 1.3: this call answers with a real JSON object (and a numeric code).
    objectEncoding: 'json',
  },
} as const satisfies Record<string, EndpointDefinition>

export type EndpointName = keyof typeof endpoints
export type Endpoint<N extends EndpointName = EndpointName> = (typeof endpoints)[N]

/** Every endpoint, in catalogue order. */
export const endpointList: readonly EndpointDefinition<EndpointName>[] = Object.values(endpoints)

/** The documented fields that travel in the body but are not part of the HMAC. */
export function unsignedFields(endpoint: EndpointDefinition): readonly string[] {
  const signed = new Set(endpoint.signedOrder)
  return endpoint.fields.map((field) => field.name).filter((name) => !signed.has(name))
}

/** The names of the required body fields. */
export function requiredFields(endpoint: EndpointDefinition): readonly string[] {
  return endpoint.fields.filter((field) => field.required).map((field) => field.name)
}

/**
 * The request path (base + path) with its parameters filled in and URL-encoded.
 * @throws TypeError when a path parameter is missing or empty.
 */
export function endpointPath(
  endpoint: EndpointDefinition,
  params: Readonly<Record<string, string>> = {},
  base: BasePathId = endpoint.base,
): string {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined || value === '') {
      throw new TypeError(`${endpoint.name}: path parameter "${name}" is required`)
    }
    return encodeURIComponent(value)
  })
  return `${basePaths[base]}/${path}`
}
