/** WebOTP (`navigator.credentials.get({ otp })`): reads an SMS code where the browser supports it. */

export function isWebOtpSupported(): boolean {
  throw new Error('not implemented')
}

export function receiveWebOtp(_options: { signal: AbortSignal }): Promise<string | null> {
  throw new Error('not implemented')
}
