/**
 * The one-time-code format the kit accepts, declared once: the server's request schemas (through
 * zod), the browser's request checks and the client machines' "malformed code" guard all read
 * this declaration. The client strips what people paste around codes (`normalizeCode`) from every
 * request field declared with it.
 */
import { conforms } from './schema/check'
import { text } from './schema/descriptors'

/** A one-time code as typed (after the client strips spaces and dashes): 4 to 10 ASCII digits. */
export const otpCode = text(4, 10, { pattern: /^[0-9]+$/ })

/** Whether `code` (already normalised) has the format of a one-time code. */
export function isValidOtpCode(code: string): boolean {
  return conforms(otpCode, code)
}
