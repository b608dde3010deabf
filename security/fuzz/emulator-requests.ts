/**
 * Generated hostile requests for one CENTAGATE endpoint of the emulator: malformed JSON objects,
 * non-objects and bytes, wrong content types and methods, and SIGNED requests (right integration
 * key, current timestamp, valid HMAC over random field values) that reach the business logic with
 * unicode, huge and unexpected values.
 */
import fc from 'fast-check'
import type { EndpointDefinition } from '@centagate-kit/protocol'
import { contentType, hostileString, malformedObjectText, nonObjectBody } from './hostile-values'

export interface EmulatorCase {
  readonly kind: 'malformed-object' | 'non-object' | 'signed' | 'content-type' | 'method'
  /** Body as sent (not for `signed`, whose body is built and signed at send time). */
  readonly body?: string | Uint8Array
  /** Field values of a signed request (`hmac` is added at send time). */
  readonly fields?: Readonly<Record<string, string | undefined>>
  readonly integrationKeyMode?: 'right' | 'wrong' | 'absent'
  readonly timestampOffset?: number | 'garbage'
  readonly hmacMode?: 'valid' | 'garbage'
  readonly contentType: string | null
  readonly method: string
  readonly pathParams: Readonly<Record<string, string>>
}

/**
 * Placeholders for values of live emulator state (an authToken, a pending challenge, a device
 * account id of a primed session), replaced at send time so that the business logic behind the
 * session checks is fuzzed too.
 */
export const livePlaceholder = /^\$(TOKEN|CHALLENGE|DEVACC):(\d+)$/
const liveValue = fc
  .tuple(fc.constantFrom('TOKEN', 'CHALLENGE', 'DEVACC'), fc.nat(20))
  .map(([kind, index]) => `$${kind}:${index}`)

/** Values a signed field gets: mostly plausible, often hostile. */
const signedFieldValue = fc.oneof(
  { arbitrary: liveValue, weight: 4 },
  { arbitrary: fc.constantFrom('alice', 'bob', 'carol', 'admin', 'Alice', 'ALICE '), weight: 3 },
  { arbitrary: fc.stringMatching(/^[0-9]{6,8}$/), weight: 2 },
  {
    arbitrary: fc.constantFrom('true', 'false', '1', '2', 'offline', 'QRCODE', 'SMS', 'CROTP'),
    weight: 2,
  },
  {
    arbitrary: fc.constantFrom(
      'a11ce0000000000000000000000000d1',
      'CR0000001',
      'CR0000002',
      'SGVsbG8gd29ybGQ=',
      '+60123456789',
    ),
    weight: 1,
  },
  { arbitrary: hostileString, weight: 6 },
)

const live = (kind: 'TOKEN' | 'CHALLENGE' | 'DEVACC') =>
  fc.nat(20).map((index) => `$${kind}:${index}`)

/** The value arbitrary of one signed field, biased by what the field names. */
function fieldValueFor(name: string): fc.Arbitrary<string> {
  const biased = (likely: fc.Arbitrary<string>) =>
    fc.oneof({ arbitrary: likely, weight: 4 }, { arbitrary: signedFieldValue, weight: 1 })
  if (name === 'username') return biased(fc.constantFrom('alice', 'bob', 'carol', 'dave', 'admin'))
  if (name === 'authToken') return biased(live('TOKEN'))
  if (name === 'challenge') return biased(live('CHALLENGE'))
  if (name === 'devAccId') return biased(live('DEVACC'))
  if (/otp/i.test(name)) return biased(fc.stringMatching(/^[0-9]{6,8}$/))
  return signedFieldValue
}

const pathParamValue = fc.oneof(
  { arbitrary: fc.constantFrom('admin', 'alice', '10001', '0'.repeat(64)), weight: 2 },
  { arbitrary: hostileString.filter((text) => text.length < 2_000), weight: 3 },
)

export function emulatorCases(endpoint: EndpointDefinition): fc.Arbitrary<EmulatorCase> {
  const fieldNames = endpoint.fields.map((field) => field.name)
  const bodyFieldNames = fieldNames.filter(
    (name) => name !== 'integrationKey' && name !== 'unixTimestamp',
  )
  const pathParams = fc.record(
    Object.fromEntries(endpoint.pathParams.map((name) => [name, pathParamValue])) as Record<
      string,
      fc.Arbitrary<string>
    >,
  )
  const method = endpoint.method
  const malformed = fc
    .tuple(malformedObjectText([...fieldNames, 'hmac', 'cenToken']), pathParams)
    .map(([body, params]): EmulatorCase => ({
      kind: 'malformed-object',
      body,
      contentType: 'application/json',
      method,
      pathParams: params,
    }))
  const nonObject = fc.tuple(nonObjectBody, pathParams).map(([body, params]): EmulatorCase => ({
    kind: 'non-object',
    body,
    contentType: 'application/json',
    method,
    pathParams: params,
  }))
  // Each field present 6 times in 7: enough complete requests reach the business logic.
  // Each field present 6 times in 7, known users and live tokens/challenges most of the time:
  // enough complete, session-valid requests reach the business logic.
  const signedFields = fc.record(
    Object.fromEntries(
      bodyFieldNames.map((name) => [
        name,
        fc.option(fieldValueFor(name), { freq: 6, nil: undefined }),
      ]),
    ) as Record<string, fc.Arbitrary<string | undefined>>,
  )
  const signed = fc
    .record({
      fields: signedFields,
      integrationKeyMode: fc.constantFrom('right', 'right', 'right', 'right', 'wrong', 'absent'),
      timestampOffset: fc.oneof(
        { arbitrary: fc.constant(0), weight: 8 },
        { arbitrary: fc.integer({ min: -400, max: 400 }), weight: 2 },
        { arbitrary: fc.constant('garbage' as const), weight: 1 },
      ),
      hmacMode: fc.constantFrom('valid', 'valid', 'valid', 'valid', 'garbage'),
      contentType: fc.oneof(
        { arbitrary: fc.constant('application/json'), weight: 8 },
        { arbitrary: contentType, weight: 1 },
      ),
      pathParams,
    })
    .map((value): EmulatorCase => ({
      kind: 'signed',
      ...value,
      method,
    }))
  const otherMethod = fc
    .tuple(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'), pathParams)
    .filter(([verb]) => verb !== method)
    .map(([verb, params]): EmulatorCase => ({
      kind: 'method',
      body: '{}',
      contentType: 'application/json',
      method: verb,
      pathParams: params,
    }))
  const wrongContentType = fc
    .tuple(malformedObjectText(fieldNames), contentType, pathParams)
    .map(([body, type, params]): EmulatorCase => ({
      kind: 'content-type',
      body,
      contentType: type,
      method,
      pathParams: params,
    }))
  if (method === 'GET') {
    // A GET carries no body: its path segments are the input.
    return fc.oneof(
      {
        arbitrary: pathParams.map((params): EmulatorCase => ({
          kind: 'signed',
          contentType: null,
          method,
          pathParams: params,
        })),
        weight: 8,
      },
      { arbitrary: otherMethod, weight: 1 },
    )
  }
  return fc.oneof(
    { arbitrary: malformed, weight: 6 },
    { arbitrary: nonObject, weight: 3 },
    { arbitrary: signed, weight: 8 },
    { arbitrary: wrongContentType, weight: 1 },
    { arbitrary: otherMethod, weight: 1 },
  )
}
