/**
 * The second factors the kit offers, and how CENTAGATE's `authMethods` tokens (API.md 1.7) map to
 * them. Order is the default preference: phishing-resistant-ish and non-SMS methods first
 * (NIST 800-63B restricts SMS), so SMS is never pre-selected when something else exists.
 */

export const kitMethods = ['qr', 'challenge', 'sms'] as const
/** `qr`: QR signing with the CENTAGATE app; `challenge`: challenge-response token; `sms`: SMS OTP. */
export type KitMethod = (typeof kitMethods)[number]

/** CENTAGATE `authMethods` token(s) for each kit method. */
export const centagateMethodTokens: Readonly<Record<KitMethod, readonly string[]>> = {
  qr: ['QRCODE', 'QR'],
  challenge: ['CROTP'],
  sms: ['SMS'],
}

/** The kit methods a user may use, from CENTAGATE `authMethods` tokens, in preference order. */
export function kitMethodsFromAuthMethods(tokens: readonly string[]): KitMethod[] {
  const upper = new Set(tokens.map((token) => token.trim().toUpperCase()))
  return kitMethods.filter((method) =>
    centagateMethodTokens[method].some((token) => upper.has(token)),
  )
}

/** `statecheck` authMethod for the out-of-band methods. */
export const statecheckAuthMethod = { qr: 'QRCODE' } as const
