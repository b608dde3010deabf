/**
 * The one-time-code format the kit accepts, declared once: the server's request schemas (through
 * zod), the browser's request checks and `isValidOtpCode` (generated from it, see
 * `browser-checks/generated.ts`; the client machines' "malformed code" guard) all derive from this
 * declaration. The client strips what people paste around codes (`normalizeCode`) from every
 * request field declared with it.
 */
import { text } from './schema/descriptors'

/** A one-time code as typed (after the client strips spaces and dashes): 4 to 10 ASCII digits. */
export const otpCode = text(4, 10, { pattern: /^[0-9]+$/ })
