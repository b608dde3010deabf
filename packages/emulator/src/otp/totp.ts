/**
 * Soft-token OTPs: TOTP (RFC 6238) over otpauth (isomorphic), with the emulator's acceptance
 * rule: the current step t and the previous step t-1 are accepted, t+1 and older steps are not,
 * and a step is accepted at most once (the last used step is remembered by the caller's state).
 */
import * as OTPAuth from 'otpauth'
import { timingSafeEqualText } from '@centagate-kit/protocol/signing'

export interface TotpParameters {
  /** Base32 secret. */
  readonly secret: string
  readonly algorithm?: 'SHA1' | 'SHA256' | 'SHA512'
  /** Default 6. */
  readonly digits?: number
  /** Seconds per step, default 30. */
  readonly period?: number
}

function params(token: TotpParameters) {
  return {
    secret: OTPAuth.Secret.fromBase32(token.secret),
    algorithm: token.algorithm ?? 'SHA1',
    digits: token.digits ?? 6,
    period: token.period ?? 30,
  }
}

/** The TOTP step number at `timeMs`. */
export function totpStep(token: TotpParameters, timeMs: number): number {
  return Math.floor(timeMs / 1000 / (token.period ?? 30))
}

/** The TOTP value at `timeMs` (what the soft token shows). */
export function generateTotp(token: TotpParameters, timeMs: number): string {
  return OTPAuth.TOTP.generate({ ...params(token), timestamp: timeMs })
}

/**
 * The step `otp` belongs to (t or t-1 at `timeMs`), or `null`. The caller rejects a step that is
 * not greater than the last used one.
 */
export function matchTotpStep(token: TotpParameters, otp: string, timeMs: number): number | null {
  const period = (token.period ?? 30) * 1000
  const current = totpStep(token, timeMs)
  // Check both candidates so that the timing does not depend on which one matched.
  const candidates = [current, current - 1].map((step) => ({
    step,
    matches: timingSafeEqualText(generateTotp(token, step * period), otp),
  }))
  return candidates.find((candidate) => candidate.matches)?.step ?? null
}

/** A fresh random Base32 secret (20 bytes). */
export function randomTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32
}
