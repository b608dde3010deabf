/**
 * fast-check arbitraries for hostile input: wrong types, huge and unicode strings, prototype
 * pollution keys, duplicated keys, deep nesting, non-JSON text and bytes, wrong content types and
 * methods. Shared by the emulator fuzz and the kit-handler fuzz.
 */
import fc from 'fast-check'

/** Strings that broke parsers and loggers elsewhere. */
const nastyConstants = [
  '',
  ' ',
  '\u0000',
  '\r\nX-Injected: 1',
  '\u202eevil',
  '\ud800',
  '\uFEFF',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  '9007199254740993',
  '../../etc/passwd',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  '🙂'.repeat(64),
  'ẞ'.repeat(300),
  '٠١٢٣٤٥',
  'alice',
  'admin',
  '123456',
]

/** Long strings: mostly 100 to 10,000 characters, one in ten 100 KB to 1 MB. */
const longString: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { arbitrary: fc.integer({ min: 2, max: 4 }), weight: 9 },
      { arbitrary: fc.integer({ min: 5, max: 6 }), weight: 1 },
    ),
    fc.constantFrom('A', '9', 'é', '🙂'),
  )
  .map(([exponent, unit]) => unit.repeat(Math.floor(10 ** exponent / unit.length)))

/** Mostly short strings, sometimes unicode, rarely huge (up to 1 MB). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 6 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.constantFrom(...nastyConstants), weight: 5 },
  { arbitrary: fc.stringMatching(/^[0-9]{1,12}$/), weight: 3 },
  { arbitrary: longString, weight: 1 },
)

/** Any JSON value of a type a field might not expect. */
export const wrongTypeValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 6 },
  { arbitrary: fc.integer(), weight: 2 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), weight: 1 },
  {
    arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
    weight: 1,
  },
)

/** Keys that pollute prototypes or confuse naive merges. */
export const pollutingKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
)

type Entry = readonly [string, unknown]

/**
 * JSON object text from entries, written by hand so that `__proto__` stays an own key and a key
 * may appear twice (JSON.stringify of an object can express neither).
 */
export function objectText(entries: readonly Entry[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`).join(',')}}`
}

/**
 * Objects shaped like the expected request (`fieldNames`) but wrong: fields missing, of the wrong
 * type, extra fields, polluting keys (with an object value that would pollute on a naive merge),
 * duplicated keys.
 */
export function malformedObjectText(
  fieldNames: readonly string[],
  fieldValue: fc.Arbitrary<unknown> = wrongTypeValue,
): fc.Arbitrary<string> {
  const known = fieldNames.length > 0 ? fc.constantFrom(...fieldNames) : fc.string({ maxLength: 8 })
  const key = fc.oneof(
    { arbitrary: known, weight: 6 },
    { arbitrary: pollutingKey, weight: 2 },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  )
  const pollution = fc.constant({ polluted: 'yes', isAdmin: true })
  const entry = fc.oneof(
    { arbitrary: fc.tuple(key, fieldValue), weight: 8 },
    { arbitrary: fc.tuple(pollutingKey, pollution), weight: 1 },
  )
  return fc.array(entry, { maxLength: fieldNames.length + 4 }).map(objectText)
}

/** Bodies that are not a JSON object: other JSON values, broken JSON, random text and bytes. */
export const nonObjectBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.constantFrom(
    '',
    'null',
    'true',
    '0',
    '[]',
    '"text"',
    '{',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    '{"a":NaN}',
    '\uFEFF{}',
    '['.repeat(10_000) + ']'.repeat(10_000),
    '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
    'username=alice&password=x',
    '<?xml version="1.0"?><a/>',
    '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
  ),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 512 }),
)

export const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 10 },
  {
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json; charset=utf-16',
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/jsonx',
      '',
    ),
    weight: 4,
  },
  { arbitrary: fc.constant(null), weight: 1 },
)

/** A generated body together with how it is sent. */
export interface FuzzBody {
  readonly kind: 'malformed-object' | 'non-object' | 'signed' | 'other-method'
  readonly body: string | Uint8Array
  readonly contentType: string | null
  readonly method?: string
}

/** Short printable description of a body for a failure report. */
export function describeBody(sample: FuzzBody): string {
  const text =
    typeof sample.body === 'string'
      ? sample.body
      : `bytes(${sample.body.length}) ${[...sample.body.slice(0, 16)]}`
  const shown = text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text
  return `${sample.kind} ${sample.method ?? ''} ${String(sample.contentType)} ${JSON.stringify(shown)}`
}

/** True when `Object.prototype` gained a key (a successful prototype pollution). */
export function prototypeIsPolluted(): boolean {
  const probe: Record<string, unknown> = {}
  return 'polluted' in probe || 'isAdmin' in probe
}
