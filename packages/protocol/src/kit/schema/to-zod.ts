/**
 * The server's interpreter of the schema descriptors: each becomes the zod/mini schema that says
 * the same thing, so the server validates every body with zod (and gets zod's issue paths for its
 * `invalid_input` answers) while browsers check the same descriptors without zod (`check.ts`).
 * Server-side only: nothing a browser bundle imports reaches this module.
 */
import * as z from 'zod/mini'
import type { Schema } from './descriptors'
import type { Infer } from './infer'

/** The zod/mini schema of a descriptor; its output type is the descriptor's {@link Infer}. */
export function toZod<S extends Schema>(schema: S): z.ZodMiniType<Infer<S>> {
  // The one cast: the conversion is structural, and check.test.ts proves it says what the
  // descriptor says on every single-field mutation of valid bodies.
  return convert(schema) as z.ZodMiniType<Infer<S>>
}

function convert(schema: Schema): z.ZodMiniType {
  switch (schema.kind) {
    case 'text': {
      const checks: z.core.$ZodCheck<string>[] = []
      if (schema.trim) checks.push(z.trim())
      if (schema.upperCase) checks.push(z.toUpperCase())
      if (schema.min > 0) checks.push(z.minLength(schema.min))
      if (Number.isFinite(schema.max)) checks.push(z.maxLength(schema.max))
      if (schema.pattern) checks.push(z.regex(schema.pattern))
      return z.string().check(...checks)
    }
    case 'int':
      return z.int().check(z.gte(schema.min))
    case 'enum': {
      const [first, ...rest] = schema.values
      if (first === undefined) return z.never()
      return rest.length === 0 ? z.literal(first) : z.enum([first, ...rest])
    }
    case 'optional':
      return z.optional(convert(schema.inner))
    case 'array': {
      const checks: z.core.$ZodCheck<unknown[]>[] = []
      if (schema.min > 0) checks.push(z.minLength(schema.min))
      if (Number.isFinite(schema.max)) checks.push(z.maxLength(schema.max))
      return z.array(convert(schema.item)).check(...checks)
    }
    case 'object':
      return z.strictObject(
        Object.fromEntries(Object.entries(schema.shape).map(([key, item]) => [key, convert(item)])),
      )
    case 'union': {
      const options = schema.options.map(
        (option) => convert(option) as z.ZodMiniObject<z.core.$ZodLooseShape, z.core.$strict>,
      )
      const [first, ...rest] = options
      if (first === undefined) return z.never()
      return z.discriminatedUnion(schema.key, [first, ...rest])
    }
    case 'record':
      return z.record(z.string(), z.unknown())
  }
}
