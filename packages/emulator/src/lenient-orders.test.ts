// Every documented signed order of the catalogue (the vendor Node samples and API.md section 2
// source columns), with every field non-empty: strict mode refuses it (23022) unless it signs the
// same text as the canonical order; lenient mode accepts it and names the first documented order
// that signs that text (catalogue, then vendor sample, then the alternatives).
import {
  type EndpointDefinition,
  type EndpointName,
  documentedOrders,
  endpointList,
  endpointPath,
} from '@centagate-kit/protocol'
import { canonicalString, createHmacSigner } from '@centagate-kit/protocol/signing'
import { describe, expect, it } from 'vitest'
import { createEmulator } from './emulator'

const now = 1_763_900_000_000
const strict = createEmulator({ now: () => now })
const lenient = createEmulator({ now: () => now, lenient: true })
const { integrationKey, secretKey } = strict.credentials
const signer = createHmacSigner(secretKey)

function fieldsFor(endpoint: EndpointDefinition): Record<string, string> {
  const fields: Record<string, string> = {}
  endpoint.fields.forEach((field, index) => {
    fields[field.name] = `${field.name.slice(0, 3)}${index}`
  })
  for (const alternative of endpoint.alternativeOrders) {
    for (const name of alternative.order) fields[name] ??= `${name.slice(0, 3)}x`
  }
  fields.integrationKey = integrationKey
  fields.unixTimestamp = String(Math.floor(now / 1000))
  // The QR path serves both flows; isTransaction "1" selects the transaction one (API.md 2.10).
  if (endpoint.name === 'authQRCode') fields.isTransaction = '1'
  else delete fields.isTransaction
  return fields
}

async function send(
  emulator: typeof strict,
  endpoint: EndpointDefinition<EndpointName>,
  body: Record<string, string>,
) {
  const params = Object.fromEntries(endpoint.pathParams.map((name) => [name, body[name] ?? 'x']))
  const response = await emulator.fetch(
    new Request(`http://emulator.test${endpointPath(endpoint, params)}`, {
      method: 'POST',
      body: JSON.stringify(body),
    }),
  )
  return {
    code: ((await response.json()) as { code: string }).code,
    order: response.headers.get('x-centagate-emulator-signed-order'),
  }
}

const cases = endpointList
  .filter((endpoint) => endpoint.auth === 'hmac')
  .flatMap((endpoint) =>
    [
      ...(endpoint.vendorSample === null ? [] : [endpoint.vendorSample]),
      ...endpoint.alternativeOrders,
    ].map(
      (alternative) => [`${endpoint.name}: ${alternative.source}`, endpoint, alternative] as const,
    ),
  )

describe('documented alternative orders', () => {
  it('covers every alternative of every HMAC endpoint', () => {
    expect(cases.length).toBeGreaterThan(50)
  })
  it.each(cases)('%s', async (_name, endpoint, alternative) => {
    const fields = fieldsFor(endpoint)
    const body = { ...fields, hmac: await signer.signFields(alternative.order, fields) }
    const text = canonicalString(alternative.order, fields)
    const sameAsCanonical = canonicalString(endpoint.signedOrder, fields) === text
    const strictResult = await send(strict, endpoint, body)
    if (sameAsCanonical) expect(strictResult.order).toBe('canonical')
    else expect(strictResult.code).toBe('23022')
    const firstMatch = documentedOrders(endpoint).find(
      (candidate) => canonicalString(candidate.order, fields) === text,
    )?.source
    const lenientResult = await send(lenient, endpoint, body)
    expect(lenientResult.code).not.toBe('23022')
    expect(lenientResult.order).toBe(firstMatch)
  })
})
