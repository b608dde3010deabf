/**
 * Client-side checks mirroring the protocol's `tokens/register` schema (the server validates
 * again with zod): E.164 phone numbers and token serials.
 */
export const e164Pattern = /^\+[1-9][0-9]{7,14}$/
export const serialPattern = /^[A-Z0-9]{4,32}$/

/** Removes the spaces, dashes and brackets people type in phone numbers. */
export function normalisePhone(text: string): string {
  return text.replace(/[\s().-]/g, '')
}

export function normaliseSerial(text: string): string {
  return text.trim().toUpperCase()
}
