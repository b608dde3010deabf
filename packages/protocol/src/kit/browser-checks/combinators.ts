/**
 * The combinators the browser's generated checks (`generated.ts`) are written with: plain
 * predicates, no dependency, nothing at import. Each mirrors one descriptor kind of
 * `schema/descriptors.ts`; `browser-checks.test.ts` proves the generated checks give the same
 * verdict as the zod schemas the server validates with.
 */

export type Check = (value: unknown) => boolean

/** Whether `object` has `key` as an own property (not inherited, e.g. `toString`). */
export const has = (object: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(object, key)

/** A JSON object (not null, not an array); also the check of a `record()` descriptor. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Text normalisers as bit flags: 1 trims, 2 upper-cases (in that order). */
export type TextNormalizers = 0 | 1 | 2 | 3

export const normalizeText = (text: string, normalizers: TextNormalizers): string => {
  const trimmed = normalizers & 1 ? text.trim() : text
  return normalizers & 2 ? trimmed.toUpperCase() : trimmed
}

/** A string of `min` to `max` characters matching `pattern` if given. */
export const text =
  (min: number, max: number, pattern?: RegExp): Check =>
  (value) =>
    typeof value === 'string' &&
    value.length >= min &&
    value.length <= max &&
    (!pattern || pattern.test(value))

/** A text checked after its normalisers (the same ones zod applies before its checks). */
export const normalized =
  (normalizers: TextNormalizers, check: Check): Check =>
  (value) =>
    typeof value === 'string' && check(normalizeText(value, normalizers))

export const int =
  (min: number): Check =>
  (value) =>
    Number.isSafeInteger(value) && (value as number) >= min

export const oneOf =
  (values: readonly unknown[]): Check =>
  (value) =>
    values.includes(value)

export const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value)

export const array =
  (item: Check, min: number, max: number): Check =>
  (value) =>
    Array.isArray(value) && value.length >= min && value.length <= max && value.every(item)

/** A strict object: every key known, every known key valid (absent keys are `undefined`). */
export const object =
  (shape: Readonly<Record<string, Check>>): Check =>
  (value) =>
    isRecord(value) &&
    Object.keys(value).every((key) => has(shape, key)) &&
    Object.keys(shape).every((key) => shape[key]!(has(value, key) ? value[key] : undefined))

/** One of several objects (a discriminated union: each option checks its own tag). */
export const anyOf =
  (...checks: Check[]): Check =>
  (value) =>
    checks.some((check) => check(value))
