// Property tests (fast-check): any field values round-trip through canonical-string building and
// verification, and changing one character of any signed field fails verification.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { endpointList } from '../centagate/endpoints'
import { createHmacSigner } from './index.node'

const hmacEndpoints = endpointList.filter((endpoint) => endpoint.auth === 'hmac')
const signer = createHmacSigner('k3yForTests1')
const fieldValue = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constant(''))

const endpointWithFields = fc
  .constantFrom(...hmacEndpoints)
  .chain((endpoint) =>
    fc
      .record(
        Object.fromEntries(
          endpoint.signedOrder.map((name) => [name, fc.option(fieldValue, { nil: undefined })]),
        ),
      )
      .map((fields) => ({ endpoint, fields: fields as Record<string, string | undefined> })),
  )

describe('signing properties', () => {
  it('round-trips any field values', async () => {
    await fc.assert(
      fc.asyncProperty(endpointWithFields, async ({ endpoint, fields }) => {
        const hmac = await signer.signFields(endpoint.signedOrder, fields)
        expect(await signer.verifyFields(endpoint.signedOrder, fields, hmac)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('fails verification after a one-character change of any signed field', async () => {
    const mutation = endpointWithFields.chain(({ endpoint, fields }) =>
      fc.record({
        endpoint: fc.constant(endpoint),
        fields: fc.constant(fields),
        field: fc.constantFrom(...endpoint.signedOrder),
        position: fc.nat(),
        replacement: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
        kind: fc.constantFrom('replace', 'insert', 'delete'),
      }),
    )
    await fc.assert(
      fc.asyncProperty(
        mutation,
        async ({ endpoint, fields, field, position, replacement, kind }) => {
          const original = fields[field] ?? ''
          const chars = [...original]
          const at = chars.length === 0 ? 0 : position % chars.length
          if (kind === 'delete') {
            fc.pre(chars.length > 0)
            chars.splice(at, 1)
          } else if (kind === 'insert') {
            chars.splice(at, 0, replacement)
          } else {
            fc.pre(chars.length > 0 && chars[at] !== replacement)
            chars[at] = replacement
          }
          const hmac = await signer.signFields(endpoint.signedOrder, fields)
          const tampered = { ...fields, [field]: chars.join('') }
          expect(await signer.verifyFields(endpoint.signedOrder, tampered, hmac)).toBe(false)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
