/**
 * The browser's view of a kit route (one generated entry per declaration, `generated.ts`) and the
 * request check the client runs before sending: the declared normalisers applied, then the names
 * of the top-level fields the server would reject (unknown keys included). The server validates
 * again with zod, so this only spares a round trip.
 */
import type { KitRoute } from '../routes/kit-routes'
import { type Check, type TextNormalizers, has, isRecord, normalizeText } from './combinators'

export interface KitRouteCheck {
  readonly path: KitRoute
  /** The `KitClient` method that calls the route. */
  readonly clientMethod: string
  /** Whether the request has fields besides the device signals (else the method takes none). */
  readonly takesInput: boolean
  /** Request fields declared as one-time codes (the client strips pasted separators from them). */
  readonly codeFields: readonly string[]
  /** The 200 answer may carry `Retry-After`. */
  readonly retryAfter: boolean
  /** The request's field checks: one entry, or one per option told apart by `key`. */
  readonly request: readonly Readonly<Record<string, Check>>[]
  readonly key?: string
  /** Normalisers of top-level text fields. */
  readonly normalize?: Readonly<Record<string, TextNormalizers>>
  readonly response: Check
}

/**
 * `body` normalised as the route declares, and the names of its top-level fields that the server
 * would reject (`[]` when it would accept it). Names only, never values.
 */
export function checkKitRequest(
  route: KitRouteCheck,
  body: unknown,
): { value: unknown; problems: string[] } {
  if (!isRecord(body)) return { value: body, problems: ['(body)'] }
  const value = { ...body }
  for (const [key, normalizers] of Object.entries(route.normalize ?? {})) {
    const field = value[key]
    if (typeof field === 'string') value[key] = normalizeText(field, normalizers)
  }
  const { key } = route
  const fields =
    key === undefined
      ? route.request[0]
      : route.request.find((option) => option[key]!(has(value, key) ? value[key] : undefined))
  if (fields === undefined) return { value, problems: [key ?? '(body)'] }
  const problems = [
    ...Object.keys(value).filter((name) => !has(fields, name)),
    ...Object.keys(fields).filter(
      (name) => !fields[name]!(has(value, name) ? value[name] : undefined),
    ),
  ]
  return { value, problems }
}
