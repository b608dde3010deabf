/**
 * The kit contract's schema vocabulary: every request and response shape is declared once as a
 * plain-data descriptor built with these few functions. From the same descriptors:
 * - `to-zod.ts` makes the zod/mini schemas the server validates every body with;
 * - `scripts/browser-checks.ts` generates the browsers' dependency-free checks
 *   (`browser-checks/generated.ts`), so browsers carry neither zod nor the descriptors;
 * - `infer.ts` gives the TypeScript type of a descriptor.
 * `browser-checks.test.ts` proves the browser checks and zod agree on every single-field mutation
 * of valid bodies.
 *
 * Objects are strict (an unknown key is a problem: nothing the browser adds reaches CENTAGATE).
 */

/** A string of `min` to `max` characters (after its normalisers), optionally matching `pattern`. */
export interface TextSchema {
  readonly kind: 'text'
  readonly min: number
  readonly max: number
  /** Tested on the whole (normalised) string: anchor it (`^...$`). */
  readonly pattern?: RegExp
  /** Normalisers, applied before the checks in this order: trim, then upper-case. */
  readonly trim?: true
  readonly upperCase?: true
}

/** A safe integer `>= min`. */
export interface IntSchema {
  readonly kind: 'int'
  readonly min: number
}

/** One of a few strings (a literal is an enum of one). */
export interface EnumSchema<V extends string = string> {
  readonly kind: 'enum'
  readonly values: readonly V[]
}

/** The inner schema, or absent (`undefined`). */
export interface OptionalSchema<S extends Schema = Schema> {
  readonly kind: 'optional'
  readonly inner: S
}

/** `min` to `max` items of one schema. */
export interface ArraySchema<S extends Schema = Schema> {
  readonly kind: 'array'
  readonly item: S
  readonly min: number
  readonly max: number
}

export type Shape = { readonly [key: string]: Schema }

/** A strict object: exactly the keys of `shape` (optional ones may be absent). */
export interface ObjectSchema<S extends Shape = Shape> {
  readonly kind: 'object'
  readonly shape: S
}

/** One of several objects, told apart by the enum at `key`. */
export interface UnionSchema<
  K extends string = string,
  O extends readonly ObjectSchema[] = readonly ObjectSchema[],
> {
  readonly kind: 'union'
  readonly key: K
  readonly options: O
}

/** Any JSON object (string keys, values unchecked): app data passed through. */
export interface RecordSchema {
  readonly kind: 'record'
}

export type Schema =
  | TextSchema
  | IntSchema
  | EnumSchema
  | OptionalSchema
  | ArraySchema
  | ObjectSchema
  | UnionSchema
  | RecordSchema

/** Pattern and normalisers of a {@link text}. */
export interface TextOptions {
  pattern?: RegExp
  trim?: true
  upperCase?: true
}

/** A string of `min` to `max` characters; see {@link TextSchema}. */
export function text(min: number, max: number, options?: TextOptions): TextSchema {
  return { kind: 'text', min, max, ...options }
}

/** A safe integer `>= min` (default 0: counts and epoch milliseconds). */
export function int(min = 0): IntSchema {
  return { kind: 'int', min }
}

/** One of `values` (a literal is `oneOf('sent')`). */
export function oneOf<const V extends string>(...values: V[]): EnumSchema<V> {
  return { kind: 'enum', values }
}

export function optional<S extends Schema>(inner: S): OptionalSchema<S> {
  return { kind: 'optional', inner }
}

export function array<S extends Schema>(item: S, min: number, max: number): ArraySchema<S> {
  return { kind: 'array', item, min, max }
}

export function object<const S extends Shape>(shape: S): ObjectSchema<S> {
  return { kind: 'object', shape }
}

/** Objects told apart by the enum at `key` (each option's `shape[key]` must be an enum). */
export function union<K extends string, const O extends readonly ObjectSchema[]>(
  key: K,
  options: O,
): UnionSchema<K, O> {
  return { kind: 'union', key, options }
}

export function record(): RecordSchema {
  return { kind: 'record' }
}
