/**
 * zod schemas of every kit request and response (shared/design.md "The browser <-> kit-server
 * contract"). Requests are strict (unknown keys are rejected: nothing the browser adds reaches
 * CENTAGATE); responses are strict too, so a server that starts leaking a field fails its tests.
 *
 * Written with `zod/mini` (tree-shakable functional checks) because these schemas ship to browsers:
 * the client validates every response, and classic zod would cost ~25 KB gzip of the widget budget.
 *
 * Times are epoch milliseconds of the server's clock. Every response carries `serverTime` so the
 * browser can correct its own clock before showing countdowns.
 */
import * as z from 'zod/mini'
import { kitErrorCodes } from './kit-error-codes'
import { kitMethods } from './methods'
import { otpCodePattern } from './otp-code'

// ---------------------------------------------------------------------------------------------
// Building blocks

/** A string of `min` to `max` characters. */
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max))
const count = () => z.int().check(z.nonnegative())

/** Epoch milliseconds. */
export const epochMs = z.int().check(z.nonnegative())

/** Device signals the browser sends with every call; the server adds the IP itself. */
export const deviceSignals = z.strictObject({
  /** `navigator.userAgent`, truncated by the client to 512 characters. */
  userAgent: text(0, 512),
  /** FingerprintJS visitor id, or `""` when it was not ready in time. */
  browserFp: z
    .string()
    .check(z.maxLength(64), z.regex(/^[A-Za-z0-9_-]*$/, 'visitor id characters only')),
})
export type DeviceSignals = z.infer<typeof deviceSignals>

/** A CENTAGATE username: printable, no control characters, no separators that break paths. */
export const username = z
  .string()
  .check(
    z.trim(),
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[\p{L}\p{N}._@+-]+$/u, 'letters, digits and . _ @ + - only'),
  )

/** A one-time code as typed (the client strips spaces and dashes): 4 to 10 ASCII digits. */
export const otpCode = z.string().check(z.regex(otpCodePattern, '4 to 10 digits'))

/** An app transaction id (the app's own, passed through `getTransaction`). */
export const transactionId = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only'),
  )

export const kitMethod = z.enum(kitMethods)

/** What a method needs the user to know before choosing it. */
export const methodOption = z.strictObject({
  method: kitMethod,
  /** For `sms`: the masked destination when known (`•••• 4567`). */
  hint: z.optional(text(0, 64)),
})
export type MethodOption = z.infer<typeof methodOption>

/** A transaction as the server's `getTransaction` describes it: exactly what is signed. */
export const transactionView = z.strictObject({
  id: transactionId,
  /** One-line summary, also the text sent to CENTAGATE as `details`. */
  summary: text(1, 512),
  /** Labelled details shown in the panel, in order (amount, payee, reference...). */
  fields: z
    .array(z.strictObject({ name: text(1, 64), label: text(1, 128), value: text(0, 256) }))
    .check(z.maxLength(20)),
})
export type TransactionView = z.infer<typeof transactionView>

const serverTime = { serverTime: epochMs }

// ---------------------------------------------------------------------------------------------
// Requests (browser -> kit server)

const withDevice = { device: deviceSignals }

export const loginStartRequest = z.strictObject({
  username,
  /** Password for a CENTAGATE password login; omitted for a passwordless (adaptive) start. */
  password: z.optional(text(1, 256)),
  ...withDevice,
})
export const stepUpStartRequest = z.strictObject({
  /** The app transaction to sign; its details come from the server's `getTransaction`, never from here. */
  transactionId: z.optional(transactionId),
  ...withDevice,
})
/** `sms/send`, `challenge/send`, `qr/send`, `qr/status`, `flow/cancel`: nothing but device signals. */
export const deviceOnlyRequest = z.strictObject(withDevice)
export const smsVerifyRequest = z.strictObject({ code: otpCode, ...withDevice })
export const challengeVerifyRequest = z.strictObject({ response: otpCode, ...withDevice })
export const qrVerifyRequest = z.strictObject({ otp: otpCode, ...withDevice })
export const tokensRegisterRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('sms'),
    /** E.164 phone number: `+` then 8 to 15 digits. */
    phoneNumber: z
      .string()
      .check(z.regex(/^\+[1-9][0-9]{7,14}$/, 'E.164 number, e.g. +60123456789')),
    ...withDevice,
  }),
  z.strictObject({
    kind: z.literal('hardware'),
    /** Serial printed on the token. */
    serial: z
      .string()
      .check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z0-9]{4,32}$/, '4 to 32 letters and digits')),
    ...withDevice,
  }),
])

export type LoginStartRequest = z.infer<typeof loginStartRequest>
export type StepUpStartRequest = z.infer<typeof stepUpStartRequest>
export type DeviceOnlyRequest = z.infer<typeof deviceOnlyRequest>
export type SmsVerifyRequest = z.infer<typeof smsVerifyRequest>
export type ChallengeVerifyRequest = z.infer<typeof challengeVerifyRequest>
export type QrVerifyRequest = z.infer<typeof qrVerifyRequest>
export type TokensRegisterRequest = z.input<typeof tokensRegisterRequest>

// ---------------------------------------------------------------------------------------------
// Responses (kit server -> browser)

const flowKind = z.enum(['login', 'stepup'])

/** A flow that needs a (further) second factor. */
export const factorRequiredResponse = z.strictObject({
  status: z.literal('factor_required'),
  flow: flowKind,
  /** The methods the user may use, in preference order (never empty). */
  methods: z.array(methodOption).check(z.minLength(1)),
  /** The transaction being signed (step-up with a transaction id). */
  transaction: z.optional(transactionView),
  /** When the flow itself ends if not completed. */
  flowExpiresAt: epochMs,
  ...serverTime,
})
export type FactorRequiredResponse = z.infer<typeof factorRequiredResponse>

/** The user is authenticated (login) or has stepped up. */
export const authenticatedResponse = z.strictObject({
  status: z.literal('authenticated'),
  flow: flowKind,
  /** The factor that completed the flow (`password` for a login without a second factor). */
  method: z.enum([...kitMethods, 'password']),
  authTime: epochMs,
  /**
   * Step-up only: the receipt now held in an HttpOnly cookie, described (never the token itself):
   * when it stops being accepted, and which transaction it is bound to.
   */
  receipt: z.optional(
    z.strictObject({ expiresAt: epochMs, transactionId: z.optional(transactionId) }),
  ),
  /** Whatever the app's `onAuthenticated` hook chose to return to the browser (JSON). */
  app: z.optional(z.record(z.string(), z.unknown())),
  ...serverTime,
})
export type AuthenticatedResponse = z.infer<typeof authenticatedResponse>

/** `login/start`, `stepup/start`, every verify route, and an approved `qr/status`. */
export const flowResponse = z.discriminatedUnion('status', [
  factorRequiredResponse,
  authenticatedResponse,
])
export type FlowResponse = z.infer<typeof flowResponse>

/** Attempt budget of the current code: server-authoritative. */
const attempts = {
  /** Wrong codes still allowed for this code/challenge before a new one is needed. */
  attemptsLeft: count(),
}

export const smsSendResponse = z.strictObject({
  status: z.literal('sent'),
  method: z.literal('sms'),
  /** Masked destination (`•••• 4567`); never the full number. */
  maskedPhone: text(0, 32),
  /** When the code stops being valid. */
  expiresAt: epochMs,
  /** When another SMS may be requested (resend cooldown): a different clock from `expiresAt`. */
  resendAvailableAt: epochMs,
  /** SMS sends left in the current window (hourly quota). */
  sendsLeft: count(),
  ...attempts,
  ...serverTime,
})
export type SmsSendResponse = z.infer<typeof smsSendResponse>

export const challengeSendResponse = z.strictObject({
  status: z.literal('sent'),
  method: z.literal('challenge'),
  /** The challenge to key into the token (digits, shown grouped and LTR). */
  challenge: text(1, 32),
  expiresAt: epochMs,
  ...attempts,
  ...serverTime,
})
export type ChallengeSendResponse = z.infer<typeof challengeSendResponse>

const pollDelay = () => z.int().check(z.positive())

export const qrSendResponse = z.strictObject({
  status: z.literal('sent'),
  method: z.literal('qr'),
  /** Text to render as the QR image. */
  qrValue: text(1, 2048),
  /** The code to type into the app when the phone cannot scan its own screen. */
  manualCode: text(1, 32),
  /** The transaction the QR carries (step-up with a transaction). */
  transaction: z.optional(transactionView),
  expiresAt: epochMs,
  /** Suggested delay before the first `qr/status` poll. */
  pollAfterMs: pollDelay(),
  ...attempts,
  ...serverTime,
})
export type QrSendResponse = z.infer<typeof qrSendResponse>

export const sendResponse = z.discriminatedUnion('method', [
  smsSendResponse,
  challengeSendResponse,
  qrSendResponse,
])
export type SendResponse = z.infer<typeof sendResponse>

export const qrStatusResponse = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('pending'),
    expiresAt: epochMs,
    /** When to poll again (also sent as `Retry-After`). */
    pollAfterMs: pollDelay(),
    ...serverTime,
  }),
  z.strictObject({ status: z.literal('rejected'), ...serverTime }),
  z.strictObject({ status: z.literal('expired'), ...serverTime }),
  factorRequiredResponse,
  authenticatedResponse,
])
export type QrStatusResponse = z.infer<typeof qrStatusResponse>

export const tokensRegisterResponse = z.strictObject({
  status: z.literal('registered'),
  kind: z.enum(['sms', 'hardware']),
  /** `sms`: the masked number; `hardware`: the serial. */
  label: text(0, 64),
  ...serverTime,
})
export type TokensRegisterResponse = z.infer<typeof tokensRegisterResponse>

export const flowCancelResponse = z.strictObject({ status: z.literal('cancelled'), ...serverTime })
export type FlowCancelResponse = z.infer<typeof flowCancelResponse>

// ---------------------------------------------------------------------------------------------
// Errors

export const kitErrorCode = z.enum(kitErrorCodes)

export const kitErrorBody = z.strictObject({
  error: z.strictObject({
    code: kitErrorCode,
    /** i18n key of the message to show (`centagate.<key>` for CENTAGATE codes, `kit.<code>` otherwise). */
    messageKey: text(0, 96),
    /** The CENTAGATE return code behind the error, where there is one. */
    returnCode: z.optional(text(0, 12)),
    /** Wrong codes still allowed for the current code. */
    attemptsLeft: z.optional(count()),
    /** When the user may try again (rate limit, cooldown). */
    retryAt: z.optional(epochMs),
    /** When a lockout ends. */
    lockedUntil: z.optional(epochMs),
    /** For `invalid_input`: the offending field paths (names only, never values). */
    fields: z.optional(z.array(text(0, 64)).check(z.maxLength(20))),
    /** For `step_up_required`: the transaction to step up for, and the accepted age. */
    transactionId: z.optional(transactionId),
    maxAgeSeconds: z.optional(z.int().check(z.positive())),
  }),
  /** Correlates the browser error with the server's log line. */
  requestId: text(0, 64),
  serverTime: z.optional(epochMs),
})
export type KitErrorBody = z.infer<typeof kitErrorBody>

// ---------------------------------------------------------------------------------------------
// Route table: request and response schema per route

export const kitRouteSchemas = {
  'login/start': { request: loginStartRequest, response: flowResponse },
  'stepup/start': { request: stepUpStartRequest, response: flowResponse },
  'sms/send': { request: deviceOnlyRequest, response: smsSendResponse },
  'sms/verify': { request: smsVerifyRequest, response: flowResponse },
  'challenge/send': { request: deviceOnlyRequest, response: challengeSendResponse },
  'challenge/verify': { request: challengeVerifyRequest, response: flowResponse },
  'qr/send': { request: deviceOnlyRequest, response: qrSendResponse },
  'qr/status': { request: deviceOnlyRequest, response: qrStatusResponse },
  'qr/verify': { request: qrVerifyRequest, response: flowResponse },
  'tokens/register': { request: tokensRegisterRequest, response: tokensRegisterResponse },
  'flow/cancel': { request: deviceOnlyRequest, response: flowCancelResponse },
} as const

export type KitRouteSchemas = typeof kitRouteSchemas
export type KitRequest<R extends keyof KitRouteSchemas> = z.input<KitRouteSchemas[R]['request']>
export type KitResponse<R extends keyof KitRouteSchemas> = z.output<KitRouteSchemas[R]['response']>
