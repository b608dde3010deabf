/**
 * What-you-see-is-what-you-sign text: the transaction text a user reads before approving it (the
 * step-up summary, the QR signing panel's labels and values, CENTAGATE's `details`). Declared once
 * here; the server's zod parsing of `getTransaction`, the browser's generated checks and an app's
 * own validation (`isDisplayText`) all use this one pattern.
 *
 * Refused, anywhere in the text:
 * - control characters (Unicode `Cc`: NUL, CR, LF, TAB, DEL, C1 controls such as U+0085 NEL);
 * - format characters (`Cf`): the bidi embeddings, overrides and isolates U+202A–U+202E and
 *   U+2066–U+2069, the marks U+200E/U+200F/U+061C, the zero-width U+200B–U+200D, U+2060, U+FEFF,
 *   the soft hyphen, tag characters...: they reorder or hide what the user reads
 *   (`"Mom\n\u202eRM 1.00 only\u202c"` shows another amount than the one signed);
 * - line and paragraph separators (U+2028, U+2029), lone surrogates (`Cs`, no character at all)
 *   and private-use characters (`Co`, whose look depends on a font);
 * - a combining mark with nothing to combine with (at the start), or more than
 *   {@link maxCombiningMarks} in a row (a "Zalgo" storm that paints over neighbouring lines).
 *
 * Allowed: every letter, digit, punctuation, symbol and space of every script, RTL included
 * (the widgets isolate each string so it cannot reorder its neighbours), and homoglyphs
 * (Cyrillic "а" for Latin "a"): they look like what they are, and the app decides whether a
 * payee name may mix scripts.
 */
import { type TextSchema, text } from '../schema/descriptors'

/** Combining marks allowed on one character (Vietnamese and Indic scripts use up to 3 or 4). */
export const maxCombiningMarks = 6

/**
 * The whole string: characters that are neither control, format, separator, surrogate nor
 * private-use, each followed by at most {@link maxCombiningMarks} combining marks.
 */
export const displayTextPattern = new RegExp(
  `^(?:[^\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Zl}\\p{Zp}\\p{M}]\\p{M}{0,${maxCombiningMarks}})*$`,
  'u',
)

/** Text of `min` to `max` characters that a user reads as is (see the module comment). */
export function displayText(min: number, max: number): TextSchema {
  return text(min, max, { pattern: displayTextPattern })
}

/**
 * Whether `value` may be shown as transaction text (summary, label, value): what the server
 * refuses with `transaction_invalid` otherwise. For an app's own forms (the demo's payee name).
 */
export function isDisplayText(value: string): boolean {
  return displayTextPattern.test(value)
}
