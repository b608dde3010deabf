/**
 * WebOTP (`navigator.credentials.get({ otp })`): Chrome on Android reads the SMS code for the user
 * (the SMS must end with `@host #code`). Always optional: manual entry keeps working alongside,
 * and the request is aborted when the user types, switches method or the widget unmounts.
 */

/** Whether this browser has the WebOTP API. False on the server. */
export function isWebOtpSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'OTPCredential' in window &&
    typeof navigator !== 'undefined' &&
    typeof navigator.credentials?.get === 'function'
  )
}

interface OtpCredentialLike {
  code?: unknown
}

/**
 * Waits for an SMS code through WebOTP. Resolves the code, or `null` when unsupported, aborted,
 * refused by the user or failed: never rejects, so callers need no error path.
 */
export async function receiveWebOtp(options: { signal: AbortSignal }): Promise<string | null> {
  if (!isWebOtpSupported() || options.signal.aborted) return null
  try {
    // `otp` is not in TypeScript's DOM lib yet.
    const credential = (await navigator.credentials.get({
      otp: { transport: ['sms'] },
      signal: options.signal,
    } as CredentialRequestOptions)) as OtpCredentialLike | null
    if (options.signal.aborted) return null
    const code = credential?.code
    return typeof code === 'string' && /^[0-9]{4,10}$/.test(code) ? code : null
  } catch {
    return null
  }
}
