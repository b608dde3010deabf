import { z } from 'zod'

/** Behaviour settings of the emulator (design.md "Defaults that tests assume"). */
export interface EmulatorSettings {
  /** Accepted |now - unixTimestamp| in seconds before 23023. Default 300. */
  timestampWindowSeconds: number
  /** Lifetime of SMS OTPs, challenges and QR requests in seconds. Default 300 (never over 600). */
  otpLifetimeSeconds: number
  /** Wrong answers per code/challenge before it is void. Default 5. */
  maxWrongPerCode: number
  /** Consecutive failures per user (any method) before the user is locked. Default 10. */
  maxConsecutiveFailures: number
  /** Lock duration in seconds. Default 900 (15 min). */
  lockoutSeconds: number
  /** Minimum seconds between two SMS to one user (23002 otherwise). Default 60. */
  smsCooldownSeconds: number
  /** SMS per user per rolling hour. Default 5. */
  smsMaxPerHour: number
  /** Lifetime of a login session (authToken) in seconds. Default 1800. */
  sessionLifetimeSeconds: number
}

export const defaultSettings: Readonly<EmulatorSettings> = Object.freeze({
  timestampWindowSeconds: 300,
  otpLifetimeSeconds: 300,
  maxWrongPerCode: 5,
  maxConsecutiveFailures: 10,
  lockoutSeconds: 900,
  smsCooldownSeconds: 60,
  smsMaxPerHour: 5,
  sessionLifetimeSeconds: 1800,
})

const seconds = z.number().int().positive()
/** Validates settings: positive integers; OTP lifetime never over 600 s (design.md). */
export const settingsSchema = z.strictObject({
  timestampWindowSeconds: seconds,
  otpLifetimeSeconds: seconds.max(600),
  maxWrongPerCode: seconds,
  maxConsecutiveFailures: seconds,
  lockoutSeconds: seconds,
  smsCooldownSeconds: z.number().int().nonnegative(),
  smsMaxPerHour: seconds,
  sessionLifetimeSeconds: seconds,
})

/**
 * Defaults merged with `overrides`, validated.
 * @throws Error naming the invalid setting.
 */
export function resolveSettings(overrides: Partial<EmulatorSettings> = {}): EmulatorSettings {
  const result = settingsSchema.safeParse({ ...defaultSettings, ...overrides })
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`invalid emulator settings: ${issues.join('; ')}`)
  }
  return result.data
}
