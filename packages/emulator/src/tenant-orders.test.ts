// `tenantOrders: 'vendor-samples'` (--tenant-orders vendor-samples): strict mode accepts, per
// endpoint, ONLY the order of the vendor's Node.js sample (the catalogue order where the vendor
// published none), as a real tenant accepts one order. Every signed call is checked with every
// field non-empty (so each field's position matters): the sample order is accepted and named,
// the catalogue order gets 23022 where the two differ, and the default mode is the reverse.
import {
  type EndpointDefinition,
  type EndpointName,
  endpointList,
  endpointPath,
} from '@centagate-kit/protocol'
import { canonicalString, createHmacSigner } from '@centagate-kit/protocol/signing'
import { describe, expect, it } from 'vitest'
import { createEmulator } from './emulator'

const now = 1_763_900_000_000
const catalogue = createEmulator({ now: () => now })
const vendor = createEmulator({ now: () => now, tenantOrders: 'vendor-samples' })
const { integrationKey, secretKey } = vendor.credentials
const signer = createHmacSigner(secretKey)

function fieldsFor(endpoint: EndpointDefinition): Record<string, string> {
  const fields: Record<string, string> = {}
  endpoint.fields.forEach((field, index) => {
    fields[field.name] = `${field.name.slice(0, 3)}${index}`
  })
  fields.integrationKey = integrationKey
  fields.unixTimestamp = String(Math.floor(now / 1000))
  if (endpoint.name === 'authQRCode') fields.isTransaction = '1'
  else delete fields.isTransaction
  return fields
}

async function send(
  emulator: typeof vendor,
  endpoint: EndpointDefinition<EndpointName>,
  order: readonly string[],
) {
  const fields = fieldsFor(endpoint)
  const body: Record<string, string> = { ...fields, hmac: await signer.signFields(order, fields) }
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

const signed = endpointList.filter((endpoint) => endpoint.auth === 'hmac')

describe('tenant orders', () => {
  it.each(signed.map((endpoint) => [endpoint.name, endpoint] as const))(
    '%s: vendor-samples accepts only the vendor Node sample order',
    async (_name, endpoint) => {
      const sampleOrder = endpoint.vendorSample?.order ?? endpoint.signedOrder
      const fields = fieldsFor(endpoint)
      const differs =
        canonicalString(sampleOrder, fields) !== canonicalString(endpoint.signedOrder, fields)

      const bySample = await send(vendor, endpoint, sampleOrder)
      expect(bySample.code).not.toBe('23022')
      expect(bySample.order).toBe(
        endpoint.vendorSample === null
          ? 'canonical'
          : `vendor sample: ${endpoint.vendorSample.source}`,
      )
      const byCatalogue = await send(vendor, endpoint, endpoint.signedOrder)
      expect(byCatalogue.code === '23022').toBe(differs)

      // The default (catalogue) tenant is the mirror image.
      expect((await send(catalogue, endpoint, endpoint.signedOrder)).code).not.toBe('23022')
      expect((await send(catalogue, endpoint, sampleOrder)).code === '23022').toBe(differs)
    },
  )

  it('the orders differ where API.md says the Node samples deviate', () => {
    const deviating = signed
      .filter((endpoint) => {
        const fields = fieldsFor(endpoint)
        const sample = endpoint.vendorSample?.order ?? endpoint.signedOrder
        return canonicalString(sample, fields) !== canonicalString(endpoint.signedOrder, fields)
      })
      .map((endpoint) => endpoint.name)
    expect(deviating).toEqual(
      expect.arrayContaining(['requestOtpChallenge', 'requestSmsOtp', 'authCrOtp', 'statecheck']),
    )
    expect(deviating).not.toContain('authBasic')
    expect(deviating).not.toContain('authSmsOtp')
    expect(vendor.tenantOrders).toBe('vendor-samples')
    expect(catalogue.tenantOrders).toBe('catalogue')
  })

  it('refuses an unknown tenant-orders mode', () => {
    expect(() => createEmulator({ tenantOrders: 'java-samples' as never })).toThrow(
      /invalid tenantOrders/,
    )
  })

  it('lenient mode accepts every documented order whatever the tenant orders', async () => {
    const lenient = createEmulator({
      now: () => now,
      lenient: true,
      tenantOrders: 'vendor-samples',
    })
    const endpoint = endpointList.find((e) => e.name === 'requestOtpChallenge')!
    expect((await send(lenient, endpoint, endpoint.signedOrder)).order).toBe('canonical')
  })
})
