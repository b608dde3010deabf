import * as z from 'zod'

/**
 * Typed, validated decoders for the success `object` of each CENTAGATE call (API.md 1.7, 2.x).
 * Values on the wire are strings (API.md 1.3); a few members are sometimes numbers in practice,
 * so numeric members accept both and normalise. Unknown members are kept (`looseObject`) because
 * CENTAGATE adds members over time; the signing server forwards only what it chooses to the browser.
 */

const text = z.string()
const optionalText = z.string().optional()
/** A string or number on the wire, normalised to a string. */
const looseText = z.union([z.string(), z.number()]).transform(String)
/** A count of seconds, string or number on the wire; must be a non-negative integer. */
const seconds = z
  .union([z.string().regex(/^\d{1,9}$/), z.number().int().nonnegative()])
  .transform(Number)

/** `authMethods` is a comma-separated list (`"SMS,CROTP,QRCODE"`); tokens are trimmed and upper-cased. */
export const authMethodsList = z.string().transform((value) =>
  value
    .split(',')
    .map((token) => token.trim().toUpperCase())
    .filter((token) => token.length > 0),
)

/** The authentication result object of API.md 1.7. */
export const authResultPayload = z.looseObject({
  authToken: text.min(1),
  /** `""` while more factors are needed; non-empty when the login is complete. */
  secretCode: text.default(''),
  authMethods: authMethodsList.default([]),
  /** `"true"` another factor is required, `"false"` done, `"blocked"` risk engine refused. */
  multiStepAuth: z.enum(['true', 'false', 'blocked']).or(z.string()).default('false'),
  defAccId: optionalText,
  defDeviceName: optionalText,
  userId: optionalText,
  userUniqueId: optionalText,
  email: optionalText,
  role: optionalText,
  countDeviceList: looseText.optional(),
  sessionTimeout: looseText.optional(),
  useSystemPassword: optionalText,
  passwordExpired: optionalText,
})
export type AuthResultPayload = z.output<typeof authResultPayload>

/** `req/requestSmsOtp` (and, presumably, `req/requestSmsTransOtp`): destination and validity. */
export const smsRequestPayload = z.looseObject({
  phone: text,
  /** Validity of the code in seconds. */
  timeout: seconds,
})
export type SmsRequestPayload = z.output<typeof smsRequestPayload>

/**
 * `req/requestSmsTransOtp`: the success object is undocumented (API.md 2.13); presumably
 * `phone`/`timeout` as for `requestSmsOtp`, so both are read when present.
 */
export const smsTransRequestPayload = z
  .looseObject({ phone: optionalText, timeout: seconds.optional() })
  .optional()
export type SmsTransRequestPayload = z.output<typeof smsTransRequestPayload>

/** `req/requestOtpChallenge`, `req/requestTransactionSigningChallenge`. */
export const challengePayload = z.looseObject({ otpChallenge: text.min(1) })
export type ChallengePayload = z.output<typeof challengePayload>

/** `req/requestQrCode`: the QR text, the challenge, `<account ID>|<request ID>|<details>`, and a new token. */
export const qrRequestPayload = z.looseObject({
  qrCode: text.min(1),
  otpChallenge: text.min(1),
  plainText: text,
  authToken: text.min(1),
})
export type QrRequestPayload = z.output<typeof qrRequestPayload>

/**
 * Transaction authorisation calls whose success object is undocumented (API.md 2.10, 2.14, 2.16):
 * either an authentication result object or nothing. Success is `code "0"`.
 */
export const transactionResultPayload = z
  .looseObject({ authToken: optionalText, secretCode: optionalText })
  .optional()
export type TransactionResultPayload = z.output<typeof transactionResultPayload>

/** `token/registerActiveToken` (PDF18 member names, including its `Firt` typo). */
export const tokenRegistrationPayload = z
  .looseObject({
    boundUser: optionalText,
    boundUserFirtName: optionalText,
    boundUserLastName: optionalText,
    boundMobileDefault: optionalText,
    /** 0 inactive, 1 active, 2 active+locked, 3 pending, 4 pending+locked. */
    boundTokenStatus: looseText.optional(),
  })
  .optional()
export type TokenRegistrationPayload = z.output<typeof tokenRegistrationPayload>

/**
 * `token/register/otp/offline`: the key for offline provisioning (PDF18 lists `key`, and in the
 * same section calls the object empty; API.md 2.19). Required here: without a key nothing can be
 * provisioned, so an empty answer is a bad payload, not a success. The key is a secret: never
 * log or cache it.
 */
export const offlineRegistrationPayload = z.looseObject({ key: text.min(1) })
export type OfflineRegistrationPayload = z.output<typeof offlineRegistrationPayload>

/** `req/requestMobilePushCR`: the token to poll `session/statecheck` (authMethod `PUSH`) with. */
export const pushRequestPayload = z.looseObject({ authToken: text.min(1) })
export type PushRequestPayload = z.output<typeof pushRequestPayload>

/**
 * `device/register/onetimepin`: `qr`, the text the CENTAGATE app scans, and `passcode`, the
 * one-time code the user types into the app after scanning (PDF18; JSF). The passcode is the
 * second channel of the activation (CENTAGATE also sends it by SMS): never show it next to the QR.
 */
export const oneTimePinRegistrationPayload = z.looseObject({
  qr: text.min(1),
  passcode: optionalText,
})
export type OneTimePinRegistrationPayload = z.output<typeof oneTimePinRegistrationPayload>

/** What the status values of `token/getStatus` mean (API.md 2.20). */
export const tokenStatusLabels = {
  '': 'none',
  '1': 'pending',
  '2': 'valid',
  '3': 'temporarily_deactivated',
  '4': 'deactivated',
  '5': 'suspended',
} as const
export type TokenStatusLabel = (typeof tokenStatusLabels)[keyof typeof tokenStatusLabels]

/**
 * `token/getStatus`: a bare value as `object` (`""` none, `"1"` ... `"5"`; API.md 1.3), read into
 * `{ code, status }`. An absent object is "none"; an unknown value is refused.
 */
export const tokenStatusPayload = z
  .union([z.string(), z.number()])
  .optional()
  .transform((value) => (value === undefined ? '' : String(value).trim()))
  .pipe(z.enum(['', '1', '2', '3', '4', '5']))
  .transform((code) => ({ code, status: tokenStatusLabels[code] }))
export type TokenStatusPayload = z.output<typeof tokenStatusPayload>

/** `user/auth/list`: what is bound to a user (page 1651). */
export const authListPayload = z.looseObject({
  tokenList: z
    .array(z.looseObject({ sn: text, type: looseText, status: looseText.optional() }))
    .default([]),
  certList: z.array(z.looseObject({ sn: optionalText })).default([]),
  device: z
    .looseObject({
      name: optionalText,
      model: optionalText,
      os: optionalText,
      status: looseText.optional(),
    })
    .nullable()
    .optional(),
})
export type AuthListPayload = z.output<typeof authListPayload>

/** `device/listMultipleUserDevice`: a real JSON object, not a string (API.md 1.3 exceptions). */
export const deviceListPayload = z.looseObject({
  deviceList: z
    .array(
      z.looseObject({
        /** A `devAccId`. */
        accountId: text,
        deviceName: optionalText,
        deviceModel: optionalText,
        deviceHid: optionalText,
      }),
    )
    .default([]),
})
export type DeviceListPayload = z.output<typeof deviceListPayload>

/** Calls whose success carries nothing. */
export const emptyPayload = z.unknown().transform(() => undefined)

/** Every decoder by payload kind; the endpoint catalogue names the kind of each call. */
export const payloadDecoders = {
  authResult: authResultPayload,
  smsRequest: smsRequestPayload,
  smsTransRequest: smsTransRequestPayload,
  challenge: challengePayload,
  qrRequest: qrRequestPayload,
  transactionResult: transactionResultPayload,
  tokenRegistration: tokenRegistrationPayload,
  offlineRegistration: offlineRegistrationPayload,
  authList: authListPayload,
  pushRequest: pushRequestPayload,
  oneTimePinRegistration: oneTimePinRegistrationPayload,
  tokenStatus: tokenStatusPayload,
  deviceList: deviceListPayload,
  empty: emptyPayload,
} as const

export type PayloadKind = keyof typeof payloadDecoders
export type PayloadOf<K extends PayloadKind> = z.output<(typeof payloadDecoders)[K]>
