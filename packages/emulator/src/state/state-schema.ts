/**
 * The emulator's whole mutable state as plain JSON data (records, not Maps), so that export is a
 * copy and import is a zod parse. Every time is milliseconds on the emulator clock.
 */
import { z } from 'zod'
import {
  appFixture,
  mobileDeviceFixture,
  tokenFixture,
  userFixture,
} from '../fixtures/fixture-schema'

export const softTokenState = z.strictObject({
  serial: z.string(),
  secret: z.string(),
})

export const userState = userFixture.extend({
  /** Soft OTP token bound by `token/register/otp/offline`. */
  softToken: softTokenState.optional(),
  device: mobileDeviceFixture.optional(),
})

export const sessionState = z.strictObject({
  id: z.string(),
  username: z.string(),
  /** The live authToken; earlier ones are in `retiredTokens`. */
  authToken: z.string(),
  /** `multistep`: a factor is still required; `complete`: secretCode issued. */
  status: z.enum(['multistep', 'complete']),
  secretCode: z.string(),
  factors: z.array(z.string()),
  createdAt: z.number(),
  expiresAt: z.number(),
})

const purpose = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('login'), sessionId: z.string() }),
  z.strictObject({
    kind: z.literal('transaction'),
    sessionId: z.string().nullable(),
    transactionId: z.string(),
    details: z.string(),
  }),
])

export const smsCodeState = z.strictObject({
  code: z.string(),
  purpose,
  issuedAt: z.number(),
  expiresAt: z.number(),
  wrongAttempts: z.number().int(),
  /** `void`: too many wrong attempts; a new code is needed. */
  status: z.enum(['active', 'void']),
})

/** Who answers a challenge: a hardware token (by serial) or the user's mobile device. */
const responder = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('token'), serial: z.string() }),
  z.strictObject({ kind: z.literal('device'), accountId: z.string() }),
])

export const challengeState = z.strictObject({
  challenge: z.string(),
  username: z.string(),
  responder,
  purpose,
  issuedAt: z.number(),
  expiresAt: z.number(),
  wrongAttempts: z.number().int(),
  status: z.enum(['active', 'used', 'void']),
})

export const qrRequestState = z.strictObject({
  requestId: z.string(),
  username: z.string(),
  accountId: z.string(),
  otpChallenge: z.string(),
  /** The decoded details as sent (Base64-decoded when it was Base64). */
  details: z.string(),
  plainText: z.string(),
  sessionId: z.string(),
  issuedAt: z.number(),
  expiresAt: z.number(),
  wrongAttempts: z.number().int(),
  /** `pending` until the app decides; `used` once it completed a login or transaction. */
  status: z.enum(['pending', 'approved', 'rejected', 'used', 'void']),
})

/** A push to the CENTAGATE app (`req/requestMobilePushCR`), decided in the app. */
export const pushRequestState = z.strictObject({
  requestId: z.string(),
  username: z.string(),
  accountId: z.string(),
  /** The decoded details as sent (Base64-decoded when it was Base64), shown with the push. */
  details: z.string(),
  sessionId: z.string(),
  issuedAt: z.number(),
  expiresAt: z.number(),
  /** `pending` until the app decides; `used` once statecheck completed the login with it. */
  status: z.enum(['pending', 'approved', 'rejected', 'used']),
})

/** An app activation started by `device/register/onetimepin`: the QR and its one-time passcode. */
export const activationState = z.strictObject({
  id: z.string(),
  username: z.string(),
  /** The QR text the app scans. */
  qr: z.string(),
  passcode: z.string(),
  /** The registration's `status` ("1" pending ... "4" deactivated), reported by getStatus. */
  status: z.enum(['1', '2', '3', '4']),
  issuedAt: z.number(),
  expiresAt: z.number(),
  wrongAttempts: z.number().int(),
  /** `pending` until the app completes it; `void` after too many wrong passcodes or removal. */
  state: z.enum(['pending', 'activated', 'void']),
})

export const outboxMessage = z.strictObject({
  id: z.string(),
  username: z.string(),
  phone: z.string(),
  text: z.string(),
  code: z.string(),
  /** `activation`: the passcode of a CENTAGATE app activation (device/register/onetimepin). */
  kind: z.enum(['login', 'transaction', 'activation']),
  transactionId: z.string().optional(),
  sentAt: z.number(),
})

export const emulatorStateSchema = z.strictObject({
  version: z.literal(1),
  clockOffsetMs: z.number().default(0),
  apps: z.array(appFixture),
  users: z.record(z.string(), userState),
  tokens: z.record(z.string(), tokenFixture),
  sessions: z.record(z.string(), sessionState),
  /** Live authToken -> session id. */
  liveTokens: z.record(z.string(), z.string()),
  /** Rotated-out authTokens (23018 on reuse) -> time they were retired. */
  retiredTokens: z.record(z.string(), z.number()),
  sms: z.record(z.string(), smsCodeState),
  smsSends: z.record(z.string(), z.array(z.number())),
  challenges: z.record(z.string(), challengeState),
  qrRequests: z.record(z.string(), qrRequestState),
  // Defaults keep states exported before these existed importable.
  pushRequests: z.record(z.string(), pushRequestState).default({}),
  activations: z.record(z.string(), activationState).default({}),
  /** `username\u0000transactionId` -> time authorised (a transaction is authorised once). */
  authorisedTransactions: z.record(z.string(), z.number()),
  /** Consecutive failures per user and the lock end (ms). */
  failures: z.record(
    z.string(),
    z.strictObject({ count: z.number().int(), lockedUntil: z.number().nullable() }),
  ),
  /** Last accepted TOTP step per soft token (serial or device account id). */
  totpLastStep: z.record(z.string(), z.number()),
  outbox: z.array(outboxMessage),
})

export type EmulatorState = z.output<typeof emulatorStateSchema>
export type UserState = z.output<typeof userState>
export type TokenState = z.output<typeof tokenFixture>
export type SessionState = z.output<typeof sessionState>
export type SmsCodeState = z.output<typeof smsCodeState>
export type ChallengeState = z.output<typeof challengeState>
export type QrRequestState = z.output<typeof qrRequestState>
export type PushRequestState = z.output<typeof pushRequestState>
export type ActivationState = z.output<typeof activationState>
export type Purpose = z.output<typeof purpose>
export type Responder = z.output<typeof responder>
export type OutboxMessage = z.output<typeof outboxMessage>
