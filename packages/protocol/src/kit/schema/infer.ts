/**
 * The TypeScript type of a schema descriptor (what `z.infer` is to zod): the browser, the server
 * and the client's methods all type their bodies from the declarations with it.
 */
import type { Schema, Shape } from './descriptors'

/**
 * The value type a descriptor accepts (after normalisation: the same type); `unknown` for the
 * wide `Schema` type itself (code that handles any descriptor).
 */
export type Infer<S extends Schema> = Schema extends S
  ? unknown
  : S extends { kind: 'text' }
    ? string
    : S extends { kind: 'int' }
      ? number
      : S extends { kind: 'enum'; values: readonly (infer V)[] }
        ? V
        : S extends { kind: 'optional'; inner: infer I extends Schema }
          ? Infer<I> | undefined
          : S extends { kind: 'array'; item: infer I extends Schema }
            ? Infer<I>[]
            : S extends { kind: 'object'; shape: infer O extends Shape }
              ? InferObject<O>
              : S extends { kind: 'union'; options: readonly (infer O extends Schema)[] }
                ? Infer<O>
                : S extends { kind: 'record' }
                  ? Record<string, unknown>
                  : never

type OptionalKeys<O extends Shape> = {
  [K in keyof O]: O[K] extends { kind: 'optional' } ? K : never
}[keyof O]

/** Optional members are `key?: T | undefined`, as zod infers them. */
type InferObject<O extends Shape> = Simplify<
  { -readonly [K in Exclude<keyof O, OptionalKeys<O>>]: Infer<O[K]> } & {
    -readonly [K in OptionalKeys<O>]?: Infer<O[K]>
  }
>

type Simplify<T> = { [K in keyof T]: T[K] } & {}
