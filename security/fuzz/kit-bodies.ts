/**
 * Generated hostile requests for one kit route: malformed bodies (wrong types, missing and extra
 * fields, huge and unicode strings, prototype-pollution keys, duplicated keys), non-JSON and
 * non-object bodies, wrong content types, and CSRF-invalid variants of a VALID body (wrong method,
 * no custom header, foreign or null Origin, cross-site fetch metadata), and oversized bodies.
 * Every one of them must be refused before any upstream call.
 */
import fc from 'fast-check'
import { type KitRoute, kitRouteDeclarations } from '@centagate-kit/protocol'
import { device } from '../support/kit-requests'
import { contentType, malformedObjectText, nonObjectBody, wrongTypeValue } from './hostile-values'

/** Field names of a route's request, from its declaration (every option of a union). */
export function kitRouteFields(route: KitRoute): readonly string[] {
  const declaration = kitRouteDeclarations.find((candidate) => candidate.path === route)
  if (declaration === undefined) throw new Error(`no declaration for ${route}`)
  const { request } = declaration
  const options = request.kind === 'union' ? request.options : [request]
  return [...new Set(options.flatMap((option) => Object.keys(option.shape)))]
}

/** A body that passes the route's schema (used for the CSRF and content-type variants). */
export function validKitBody(route: KitRoute): Record<string, unknown> {
  switch (route) {
    case 'login/start':
      return { username: 'alice', password: 'alice-password', device }
    case 'sms/verify':
      return { code: '123456', device }
    case 'challenge/verify':
      return { response: '12345678', device }
    case 'qr/verify':
      return { otp: '12345678', device }
    case 'tokens/register':
      return { kind: 'sms', phoneNumber: '+60111111111', device }
    default:
      return { device }
  }
}

export interface KitFuzzCase {
  readonly kind: 'malformed-object' | 'non-object' | 'content-type' | 'csrf' | 'oversized'
  readonly body: string | Uint8Array
  readonly contentType: string | null
  readonly method: string
  /** Header overrides (origin, sec-fetch-site, the custom header). */
  readonly headers: Readonly<Record<string, string>>
  readonly dropKitHeader: boolean
}

/** A `device` member that is almost right. */
const deviceValue = fc.oneof(
  wrongTypeValue,
  fc.record({ userAgent: wrongTypeValue, browserFp: wrongTypeValue }, { requiredKeys: [] }),
  fc.constant({ ...device, extra: 'x' }),
  fc.constant({ userAgent: 'a'.repeat(513), browserFp: '' }),
  fc.constant({ userAgent: 'ua', browserFp: '<script>' }),
)

export function kitFuzzCases(route: KitRoute): fc.Arbitrary<KitFuzzCase> {
  const fields = kitRouteFields(route)
  const valid = JSON.stringify(validKitBody(route))
  const base = { method: 'POST', headers: {}, dropKitHeader: false }
  const malformed = fc
    .tuple(malformedObjectText(fields.filter((f) => f !== 'device')), deviceValue, fc.boolean())
    .map(([text, deviceMember, withDevice]): KitFuzzCase => {
      // Half of them carry a device member (often wrong) so the other fields get validated too.
      const body =
        withDevice && text !== '{}'
          ? `${text.slice(0, -1)},"device":${JSON.stringify(deviceMember) ?? 'null'}}`
          : text
      return { ...base, kind: 'malformed-object', body, contentType: 'application/json' }
    })
  const nonObject = nonObjectBody.map((body): KitFuzzCase => ({
    ...base,
    kind: 'non-object',
    body,
    contentType: 'application/json',
  }))
  const wrongType = contentType
    .filter(
      (type) => type === null || type.split(';')[0]!.trim().toLowerCase() !== 'application/json',
    )
    .map((type): KitFuzzCase => ({ ...base, kind: 'content-type', body: valid, contentType: type }))
  const csrf = fc
    .record({
      method: fc.constantFrom('POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
      origin: fc.constantFrom(
        'same',
        'https://evil.example',
        'null',
        'http://127.0.0.1:3001',
        'absent',
      ),
      site: fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none', 'absent'),
      header: fc.constantFrom('1', '0', 'absent', 'true'),
    })
    .filter(
      // Drop the one combination that is a legitimate request.
      (v) =>
        !(
          v.method === 'POST' &&
          v.origin === 'same' &&
          v.site !== 'cross-site' &&
          v.site !== 'same-site' &&
          v.site !== 'none' &&
          v.header === '1'
        ),
    )
    .map((v): KitFuzzCase => {
      const headers: Record<string, string> = {}
      if (v.origin !== 'same' && v.origin !== 'absent') headers.origin = v.origin
      if (v.site !== 'absent') headers['sec-fetch-site'] = v.site
      if (v.header !== 'absent') headers['x-centagate-kit'] = v.header
      return {
        kind: 'csrf',
        body: valid,
        contentType: 'application/json',
        method: v.method,
        headers: { ...headers, ...(v.origin === 'absent' ? { origin: '' } : {}) },
        dropKitHeader: v.header === 'absent',
      }
    })
  const oversized = fc.integer({ min: 16 * 1024 + 1, max: 200_000 }).map((size): KitFuzzCase => ({
    ...base,
    kind: 'oversized',
    body: `{"device":${JSON.stringify(device)},"pad":"${'x'.repeat(size)}"}`,
    contentType: 'application/json',
  }))
  return fc.oneof(
    { arbitrary: malformed, weight: 12 },
    { arbitrary: nonObject, weight: 4 },
    { arbitrary: wrongType, weight: 2 },
    { arbitrary: csrf, weight: 2 },
    { arbitrary: oversized, weight: 1 },
  )
}
