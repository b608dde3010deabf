/**
 * `centagate.signedOrder`: per endpoint, the field names in the order the tenant signs them, to
 * override the catalogue's evidence-backed default (API.md 1.5) where a tenant wants another one.
 * `centagate-kit doctor --json` prints it (`{"signedOrder": {...}}`). Validated at startup: only
 * signed endpoints, only their own fields, no repeats, and the app key and timestamp always signed
 * (an unsigned timestamp would let a captured request be replayed with a fresh one).
 */
import { type EndpointDefinition, endpoints } from '@centagate-kit/protocol'
import { z } from 'zod'

const mustSign = ['integrationKey', 'unixTimestamp'] as const

export const signedOrderConfig = z
  .record(z.string(), z.array(z.string()))
  .superRefine((value, context) => {
    for (const [name, order] of Object.entries(value)) {
      const endpoint: EndpointDefinition | undefined = Object.hasOwn(endpoints, name)
        ? endpoints[name as keyof typeof endpoints]
        : undefined
      if (endpoint === undefined || endpoint.auth !== 'hmac') {
        context.addIssue({
          code: 'custom',
          path: [name],
          message: `${name} is not a signed CENTAGATE endpoint of the catalogue`,
        })
        continue
      }
      const known = new Set(endpoint.fields.map((field) => field.name))
      const unknown = order.filter((field) => !known.has(field))
      if (unknown.length > 0) {
        context.addIssue({
          code: 'custom',
          path: [name],
          message: `${name} names fields it does not have: ${unknown.join(', ')}`,
        })
      }
      if (new Set(order).size !== order.length) {
        context.addIssue({ code: 'custom', path: [name], message: `${name} repeats a field` })
      }
      const missing = mustSign.filter((field) => !order.includes(field))
      if (missing.length > 0) {
        context.addIssue({
          code: 'custom',
          path: [name],
          message: `${name} must sign ${missing.join(' and ')}`,
        })
      }
    }
  })

/**
 * Reads a signed-order setting from JSON text: the doctor's whole `--json` output
 * (`{"signedOrder": {...}}`) or the map itself.
 * @throws Error when the text is not JSON.
 */
export function parseSignedOrderJson(text: string): unknown {
  const value = JSON.parse(text) as unknown
  if (typeof value === 'object' && value !== null && 'signedOrder' in value) {
    return (value as { signedOrder: unknown }).signedOrder
  }
  return value
}
