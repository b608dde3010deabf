// Threat: forged or altered requests accepted by the emulator, so clients that sign wrongly look
// correct (anchors-security T-B1/T-B2). Property tests over every HMAC endpoint of the catalogue:
// a canonically signed random request always passes the HMAC check; one changed character, a
// dropped signed field, a swapped pair or an altered hmac always answers 23022.
import {
  type EndpointName,
  endpointList,
  endpointPath,
  requiredFields,
} from '@centagate-kit/protocol'
import { canonicalString, createHmacSigner } from '@centagate-kit/protocol/signing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEmulator } from './emulator'

const emulator = createEmulator({ now: () => 1_763_900_000_000 })
const { integrationKey, secretKey } = emulator.credentials
const signer = createHmacSigner(secretKey)
const unixTimestamp = String(Math.floor(emulator.clock.now() / 1000))
const hmacEndpoints = endpointList.filter((endpoint) => endpoint.auth === 'hmac')

async function send(name: EndpointName, body: Record<string, string>) {
  const endpoint = hmacEndpoints.find((candidate) => candidate.name === name)
  if (!endpoint) throw new Error(name)
  const params = endpoint.pathParams.includes('username') ? { username: body.username || 'x' } : {}
  const response = await emulator.fetch(
    new Request(`http://emulator.test${endpointPath(endpoint, params)}`, {
      method: 'POST',
      body: JSON.stringify(body),
    }),
  )
  const envelope = (await response.json()) as { code: string }
  return { code: envelope.code, order: response.headers.get('x-centagate-emulator-signed-order') }
}

const value = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 })

describe.each(hmacEndpoints.map((endpoint) => [endpoint.name, endpoint] as const))(
  '%s',
  (name, endpoint) => {
    const signedOptional = endpoint.signedOrder.filter(
      (field) =>
        !requiredFields(endpoint).includes(field) &&
        field !== 'integrationKey' &&
        field !== 'unixTimestamp',
    )
    const fieldsArb = fc.record(
      Object.fromEntries([
        ...requiredFields(endpoint)
          .filter((field) => field !== 'integrationKey' && field !== 'unixTimestamp')
          .map((field) => [field, value]),
        ...signedOptional.map((field) => [
          field,
          fc.option(fc.constantFrom('', 'v', 'true', 'ü'), { nil: undefined }),
        ]),
      ]) as Record<string, fc.Arbitrary<string | undefined>>,
    )
    const build = (fields: Record<string, string | undefined>) => {
      const body: Record<string, string> = { integrationKey, unixTimestamp }
      for (const [key, text] of Object.entries(fields)) if (text !== undefined) body[key] = text
      if (name === 'authQRCode') body.isTransaction = '1'
      return body
    }

    it('accepts canonically signed requests (T-B1)', async () => {
      await fc.assert(
        fc.asyncProperty(fieldsArb, async (fields) => {
          const body = build(fields)
          body.hmac = await signer.signFields(endpoint.signedOrder, body)
          const result = await send(name, body)
          expect(result.code).not.toBe('23022')
          expect(result.order).toBe('canonical')
        }),
        { numRuns: 150, seed: 6287 },
      )
    })

    it('rejects tampered requests with 23022 (T-B2)', async () => {
      const signedFields = endpoint.signedOrder.filter(
        (field) => field !== 'integrationKey' && field !== 'unixTimestamp',
      )
      await fc.assert(
        fc.asyncProperty(
          fieldsArb,
          fc.constantFrom('mutate', 'hmac-case', 'hmac-truncate', 'hmac-extra', 'swap'),
          fc.nat(),
          async (fields, kind, pick) => {
            const body = build(fields)
            body.hmac = await signer.signFields(endpoint.signedOrder, body)
            const present = signedFields.filter((field) => (body[field] ?? '') !== '')
            const target = present[pick % present.length] ?? 'username'
            if (kind === 'mutate') body[target] = `${body[target] ?? ''}x`
            else if (kind === 'hmac-case') body.hmac = body.hmac.toUpperCase()
            else if (kind === 'hmac-truncate') body.hmac = body.hmac.slice(0, 63)
            else if (kind === 'hmac-extra') body.hmac = `${body.hmac}0`
            else {
              const other = present[(pick + 1) % present.length] ?? target
              const [a, b] = [body[target] ?? '', body[other] ?? '']
              const before = canonicalString(endpoint.signedOrder, body)
              body[target] = b
              body[other] = a
              // Swapping "x" and "xx" next to each other signs the same text: not a tamper.
              fc.pre(canonicalString(endpoint.signedOrder, body) !== before)
            }
            expect((await send(name, body)).code).toBe('23022')
          },
        ),
        { numRuns: 150, seed: 4226 },
      )
    })
  },
)
