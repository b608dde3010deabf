/**
 * The second factors the kit offers, and how CENTAGATE's `authMethods` tokens (API.md 1.7) map to
 * them. Order is the default preference: phishing-resistant-ish and non-SMS methods first
 * (NIST 800-63B restricts SMS), so SMS is never pre-selected when something else exists.
 */

export const kitMethods = ['qr', 'challenge', 'push', 'app_otp', 'sms'] as const
/**
 * `qr`: QR signing with the CENTAGATE app; `challenge`: challenge-response token; `push`: approve
 * a push in the CENTAGATE app; `app_otp`: the time-based code of the CENTAGATE app, a soft token
 * or an authenticator (`auth/authOtp`); `sms`: SMS OTP.
 */
export type KitMethod = (typeof kitMethods)[number]

/** CENTAGATE `authMethods` token(s) for each kit method. */
export const centagateMethodTokens: Readonly<Record<KitMethod, readonly string[]>> = {
  qr: ['QRCODE', 'QR'],
  challenge: ['CROTP'],
  push: ['PUSH'],
  app_otp: ['OTP'],
  sms: ['SMS'],
}

/**
 * Methods CENTAGATE has no transaction-signing call for: a step-up with a transaction never
 * offers them. `app_otp`: `auth/authOtp` is a login call, and the only OTP signing call
 * (`trans/authorise/{username}`, API.md 2.17) is unsigned and undocumented in its answer.
 */
export const loginOnlyMethods: readonly KitMethod[] = ['app_otp']

/** The kit methods a user may use, from CENTAGATE `authMethods` tokens, in preference order. */
export function kitMethodsFromAuthMethods(tokens: readonly string[]): KitMethod[] {
  const upper = new Set(tokens.map((token) => token.trim().toUpperCase()))
  return kitMethods.filter((method) =>
    centagateMethodTokens[method].some((token) => upper.has(token)),
  )
}

/** `statecheck` authMethod for the out-of-band methods. */
export const statecheckAuthMethod = { qr: 'QRCODE', push: 'PUSH' } as const
