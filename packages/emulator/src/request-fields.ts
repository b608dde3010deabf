/**
 * Reads a CENTAGATE request body into string fields. Values are JSON strings on the wire (API.md
 * 1.2); numbers and booleans are taken as their text, `null` as absent; nested objects or arrays
 * make the body invalid (10002). With `lenient`, the odd spellings of API.md 5.4 are accepted.
 */

/** API.md 5.4 / section 4: spellings seen in vendor samples, accepted in lenient mode. */
export const lenientSpellings: Readonly<Record<string, string>> = {
  SMSOTP: 'smsOtp',
  OtpType: 'otpType',
  browswerFp: 'browserFp',
}

export type FieldsResult =
  | { ok: true; fields: Record<string, string> }
  | { ok: false; reason: 'not_json' | 'not_object' | 'bad_value' }

export function parseRequestFields(text: string, lenient: boolean): FieldsResult {
  let value: unknown
  try {
    value = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    return { ok: false, reason: 'not_json' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'not_object' }
  }
  const fields: Record<string, string> = Object.create(null) as Record<string, string>
  for (const [name, raw] of Object.entries(value)) {
    if (raw === null || raw === undefined) continue
    if (typeof raw === 'string') fields[name] = raw
    else if (typeof raw === 'number' || typeof raw === 'boolean') fields[name] = String(raw)
    else return { ok: false, reason: 'bad_value' }
  }
  if (lenient) {
    for (const [alias, canonical] of Object.entries(lenientSpellings)) {
      const aliasValue = fields[alias]
      if (aliasValue !== undefined && (fields[canonical] ?? '') === '')
        fields[canonical] = aliasValue
    }
  }
  return { ok: true, fields }
}
