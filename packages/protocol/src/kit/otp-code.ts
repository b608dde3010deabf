/**
 * The one-time-code format the kit accepts, in one place: the server's request schema, the
 * browser's request check and the client machines' "malformed code" guard all use it.
 */

/** A one-time code as typed (after the client strips spaces and dashes): 4 to 10 ASCII digits. */
export const otpCodePattern = /^[0-9]{4,10}$/

/** Whether `code` (already normalised) has the format of a one-time code. */
export function isValidOtpCode(code: string): boolean {
  return otpCodePattern.test(code)
}
