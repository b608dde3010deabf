/**
 * The string CENTAGATE signs (API.md 1.5): the field values concatenated in the endpoint's
 * signed order, with no separators and no names. An absent field contributes nothing, exactly as
 * an empty one does; `null` and `undefined` never turn into the text "null"/"undefined" (a Java
 * pitfall seen in a public client).
 */

/** A request field value as it may arrive at the signer: strings, or numbers the caller forgot to stringify. */
export type FieldValue = string | number | boolean | null | undefined

/** Request fields by name. */
export type FieldValues = Readonly<Record<string, FieldValue>>

/** The text of one field for signing: absent, `null` and `undefined` are `""`. */
export function fieldText(value: FieldValue): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : String(value)
}

/** Builds the canonical string for `order` from `fields`. */
export function canonicalString(order: readonly string[], fields: FieldValues): string {
  let text = ''
  for (const name of order) {
    // Own properties only: a body key like "__proto__" or "toString" must not sign inherited values.
    text += Object.prototype.hasOwnProperty.call(fields, name) ? fieldText(fields[name]) : ''
  }
  return text
}

/** The field names and value lengths of a canonical string: safe to log (API.md 1.5, never values). */
export function describeSignedFields(
  order: readonly string[],
  fields: FieldValues,
): { field: string; length: number }[] {
  const encoder = new TextEncoder()
  return order.map((field) => ({
    field,
    length: Object.prototype.hasOwnProperty.call(fields, field)
      ? encoder.encode(fieldText(fields[field])).length
      : 0,
  }))
}
