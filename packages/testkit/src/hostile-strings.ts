/**
 * Hostile transaction texts (what-you-see-is-what-you-sign, issue 14): strings an attacker puts in
 * a payee name or reference so that what the user reads is not what CENTAGATE signs, each with the
 * verdict of protocol's display-text rule (`isDisplayText`). The server tests expect each
 * `refused` string to be answered `transaction_invalid` with no upstream call; the React tests
 * render every string (the widgets must stay safe even if a string got through) and check the DOM
 * text order. `allowed` ones are text a real bank may well show (RTL names, homoglyphs, marks).
 */

export interface HostileString {
  /** What the string does, for test names. */
  readonly name: string
  readonly text: string
  readonly verdict: 'refused' | 'allowed'
}

const refused = (name: string, text: string): HostileString => ({ name, text, verdict: 'refused' })
const allowed = (name: string, text: string): HostileString => ({ name, text, verdict: 'allowed' })

/** The longest summary the protocol allows (`transactionView.summary`: 512 characters). */
export const maxSummaryLength = 512

export const hostileStrings: readonly HostileString[] = [
  // The report: a newline and a right-to-left override hide the amount the user signs.
  refused('issue 14 payee: LF + RLO ... PDF', 'Mom\n\u202eRM 1.00 only\u202c'),
  refused('RLO (U+202E) reverses what follows', 'Pay \u202e00.000,9 RYM'),
  refused('LRO (U+202D)', '\u202dMYR 9,000.00'),
  refused('PDF (U+202C) alone', 'Ali\u202c'),
  refused('LRE (U+202A)', '\u202aAli'),
  refused('RLE (U+202B)', '\u202bAli'),
  refused('LRI (U+2066)', '\u2066Ali\u2069'),
  refused('RLI (U+2067)', '\u2067Ali\u2069'),
  refused('FSI (U+2068)', '\u2068Ali\u2069'),
  refused('PDI (U+2069) alone', 'Ali\u2069 MYR 1.00'),
  refused('LRM (U+200E)', 'Ali\u200e'),
  refused('RLM (U+200F)', 'Ali\u200f'),
  refused('ALM (U+061C)', '\u061cعلي'),
  refused('ZWSP (U+200B)', 'Ali\u200bBaba'),
  refused('ZWNJ (U+200C)', 'Ali\u200cBaba'),
  refused('ZWJ (U+200D)', 'Ali\u200dBaba'),
  refused('word joiner (U+2060)', 'Ali\u2060Baba'),
  refused('BOM / ZWNBSP (U+FEFF)', '\ufeffAli'),
  refused('soft hyphen (U+00AD)', 'Ali\u00adBaba'),
  refused('interlinear annotation (U+FFF9..B)', '\ufff9MYR 1.00\ufffaMYR 9,000.00\ufffb'),
  refused('tag characters (U+E0041)', 'Ali\u{e0041}\u{e0042}'),
  refused('NUL', 'Ali\u0000 Baba'),
  refused('CR', 'Ali\rMYR 1.00'),
  refused('LF', 'Ali\nMYR 1.00'),
  refused('CRLF', 'Ali\r\nMYR 1.00'),
  refused('TAB', 'Ali\tMYR 1.00'),
  refused('DEL (U+007F)', 'Ali\u007f'),
  refused('NEL (U+0085)', 'Ali\u0085MYR 1.00'),
  refused('escape sequence (ESC [2J)', 'Ali\u001b[2J'),
  refused('line separator (U+2028)', 'Ali\u2028MYR 1.00'),
  refused('paragraph separator (U+2029)', 'Ali\u2029MYR 1.00'),
  refused('lone surrogate (U+D800)', 'Ali\ud800'),
  refused('private use (U+E000)', 'Ali\ue000'),
  refused(
    'combining-mark storm (20 marks on one letter)',
    `Ali Z${'\u0336\u0334\u0335\u0337\u0338'.repeat(4)}`,
  ),
  refused('a combining mark with nothing before it', '\u0338MYR 9,000.00'),
  allowed('homoglyphs only (Cyrillic "PayPal")', 'РауРаl'),
  allowed('mixed-script homoglyph ("аpple", Cyrillic а)', 'аpple'),
  allowed('Arabic name (RTL)', 'محمد علي'),
  allowed('Hebrew with an amount', 'שלום MYR 9,000.00'),
  allowed('Thai with vowel and tone marks', 'สวัสดี ครับ'),
  allowed('Vietnamese, decomposed (2 marks on a letter)', 'Nguye\u0302\u0303n'),
  allowed('Devanagari with virama', 'क्षत्रिय'),
  allowed('Chinese', '张伟 转账'),
  allowed('emoji with a presentation selector', 'Rent ❤️ 💸'),
  allowed('a very long summary (512 characters)', 'W'.repeat(maxSummaryLength)),
  allowed('a very long RTL word', 'ש'.repeat(200)),
  allowed('numbers that look like an amount', 'MYR 1.00 only'),
]

export const refusedStrings = hostileStrings.filter((entry) => entry.verdict === 'refused')
export const allowedStrings = hostileStrings.filter((entry) => entry.verdict === 'allowed')
