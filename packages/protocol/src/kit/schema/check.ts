/**
 * The browser's interpreter of the schema descriptors: no dependency, nothing at import. It
 * applies the declared normalisers (trim, upper-case) and names the fields that do not fit, as
 * dotted paths (`device.browserFp`, `(body)` for the whole body), the same names the server's
 * `invalid_input` answer gives. The server validates with the zod schemas derived from the same
 * descriptors (`to-zod.ts`); `check.test.ts` proves the two agree.
 */
import type { Schema } from './descriptors'
import type { Infer } from './infer'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const own = (object: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(object, key)

/** Normalises `value` as `schema` declares, pushing the path of each misfit onto `problems`. */
function walk(schema: Schema, value: unknown, path: string, problems: string[]): unknown {
  const at = (key: string | number) => (path ? `${path}.${key}` : `${key}`)
  switch (schema.kind) {
    case 'text':
      if (typeof value === 'string') {
        let text = schema.trim ? value.trim() : value
        if (schema.upperCase) text = text.toUpperCase()
        value = text
        if (
          text.length >= schema.min &&
          text.length <= schema.max &&
          (!schema.pattern || schema.pattern.test(text))
        )
          return text
      }
      break
    case 'int':
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= schema.min)
        return value
      break
    case 'enum':
      if ((schema.values as readonly unknown[]).includes(value)) return value
      break
    case 'optional':
      return value === undefined ? value : walk(schema.inner, value, path, problems)
    case 'array':
      if (Array.isArray(value)) {
        if (value.length < schema.min || value.length > schema.max) problems.push(path || '(body)')
        return value.map((item, index) => walk(schema.item, item, at(index), problems))
      }
      break
    case 'object':
      if (isRecord(value)) {
        const out: Record<string, unknown> = {}
        for (const key of Object.keys(value)) if (!own(schema.shape, key)) problems.push(at(key))
        for (const [key, item] of Object.entries(schema.shape)) {
          const normalized = walk(item, own(value, key) ? value[key] : undefined, at(key), problems)
          if (normalized !== undefined) out[key] = normalized
        }
        return out
      }
      break
    case 'union':
      if (isRecord(value)) {
        const tag = own(value, schema.key) ? value[schema.key] : undefined
        const option = schema.options.find((candidate) =>
          walkless(candidate.shape[schema.key], tag),
        )
        if (option) return walk(option, value, path, problems)
        problems.push(at(schema.key))
        return value
      }
      break
    case 'record':
      if (isRecord(value)) return value
  }
  problems.push(path || '(body)')
  return value
}

/** Whether `value` fits `schema` (after the declared normalisers). */
const walkless = (schema: Schema | undefined, value: unknown): boolean => {
  const problems: string[] = []
  if (schema) walk(schema, value, '', problems)
  return schema !== undefined && problems.length === 0
}

/**
 * `value` normalised as `schema` declares, and the paths of the fields that do not fit (`[]` when
 * it fits). Paths are names only, never values.
 */
export function normalizeAndCheck<S extends Schema>(
  schema: S,
  value: unknown,
): { value: Infer<S>; problems: string[] } {
  const problems: string[] = []
  return { value: walk(schema, value, '', problems) as Infer<S>, problems }
}

/** Whether `value` fits `schema` (after the declared normalisers; responses declare none). */
export function conforms<S extends Schema>(schema: S, value: unknown): value is Infer<S> {
  return walkless(schema, value)
}
