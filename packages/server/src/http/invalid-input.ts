/**
 * The 400 for a body that fails its route's zod schema: `invalid_input` naming the offending
 * field paths (never values).
 */
import { KitFailure } from './kit-failure'

type Issues = ReadonlyArray<{
  code: string
  path: readonly PropertyKey[]
  keys?: readonly string[]
}>

/** The 400 for a body that fails the route's schema, naming (at most 20) offending fields. */
export function invalidInput(issues: Issues): KitFailure {
  return new KitFailure('invalid_input', { fields: issueFields(issues) })
}

/** The field paths (`fields.2.value`) zod issues name: at most 20, each at most 64 characters. */
export function issueFields(issues: Issues): string[] {
  return [
    ...new Set(
      issues.flatMap((issue) => {
        const path = issue.path.map(String)
        // Unknown keys are named (strict schemas): nothing extra reaches CENTAGATE.
        const names =
          issue.code === 'unrecognized_keys' && issue.keys !== undefined
            ? issue.keys.map((key) => [...path, key])
            : [path]
        return names.map((name) => name.join('.') || '(body)')
      }),
    ),
  ]
    .slice(0, 20)
    .map((field) => field.slice(0, 64))
}
