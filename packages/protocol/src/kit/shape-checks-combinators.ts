/**
 * The few combinators the browser's shape checks are built from (see `shape-checks.ts`), and the
 * atoms several checks share. Each check is a plain predicate: no dependency, nothing at import.
 */

/** Whether `object` has `key` as an own property (not inherited, e.g. `toString`). */
export const has = (object: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(object, key)

export type Check = (value: unknown) => boolean

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const str =
  (min: number, max: number, pattern?: RegExp): Check =>
  (value) =>
    typeof value === 'string' &&
    value.length >= min &&
    value.length <= max &&
    (pattern === undefined || pattern.test(value))
export const int =
  (min: number): Check =>
  (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min
export const oneOf =
  (...options: readonly unknown[]): Check =>
  (value) =>
    options.includes(value)
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
  (shape: Record<string, Check>): Check =>
  (value) =>
    isRecord(value) &&
    Object.keys(value).every((key) => has(shape, key)) &&
    Object.entries(shape).every(([key, check]) => check(has(value, key) ? value[key] : undefined))
export const anyOf =
  (...checks: Check[]): Check =>
  (value) =>
    checks.some((check) => check(value))

export const epochMs = int(0)
export const transactionId = str(1, 64, /^[A-Za-z0-9._:-]+$/)
