import { describe, expect, it } from 'vitest'
import {
  documentedOrders,
  endpointList,
  endpointPath,
  endpoints,
  requiredFields,
  tenantOrder,
} from './endpoints'

describe('endpoint catalogue', () => {
  it('holds every call the kit uses (API.md 1.9)', () => {
    expect(Object.keys(endpoints)).toEqual([
      'authBasic',
      'adaptive',
      'requestSmsOtp',
      'authSmsOtp',
      'authOtp',
      'requestOtpChallenge',
      'authCrOtp',
      'requestQrCode',
      'authQrCode',
      'statecheck',
      'requestMobilePushCR',
      'logout',
      'authQRCode',
      'requestSmsTransOtp',
      'authoriseSmsTrans',
      'requestTransactionSigningChallenge',
      'authTransactionSigningCrOtp',
      'registerActiveToken',
      'registerOfflineOtp',
      'registerOneTimePin',
      'unregisterActiveToken',
      'userAuthList',
      'getTokenStatus',
      'listMultipleUserDevice',
    ])
  })

  it('builds documented paths on the right base', () => {
    expect(endpointPath(endpoints.authSmsOtp)).toBe('/v2/CentagateWS/webresources/auth/authSmsOtp')
    expect(endpointPath(endpoints.statecheck)).toBe('/CentagateWS/webresources/session/statecheck')
    expect(endpointPath(endpoints.authoriseSmsTrans, { username: 'al ice' })).toBe(
      '/v2/CentagateWS/webresources/trans/authoriseSmsTrans/al%20ice',
    )
    expect(endpointPath(endpoints.registerActiveToken, { adminUsername: 'admin' })).toBe(
      '/CentagateWS/webresources/token/registerActiveToken/admin',
    )
    expect(
      endpointPath(endpoints.listMultipleUserDevice, { username: 'u', cenToken: 'c', userId: '7' }),
    ).toBe('/CentagateWS/webresources/device/listMultipleUserDevice/u/c/7')
    expect(() => endpointPath(endpoints.registerActiveToken)).toThrow(/adminUsername/)
    expect(endpointPath(endpoints.requestMobilePushCR)).toBe(
      '/v2/CentagateWS/webresources/req/requestMobilePushCR',
    )
    expect(endpointPath(endpoints.logout)).toBe('/v2/CentagateWS/webresources/auth/logout')
    expect(endpointPath(endpoints.registerOneTimePin, { adminUsername: 'admin' })).toBe(
      '/CentagateWS/webresources/device/register/onetimepin/admin',
    )
    expect(endpointPath(endpoints.unregisterActiveToken, { adminUsername: 'admin' })).toBe(
      '/CentagateWS/webresources/token/unregisterActiveToken/admin',
    )
    expect(endpointPath(endpoints.getTokenStatus, { adminUsername: 'admin' })).toBe(
      '/CentagateWS/webresources/token/getStatus/admin',
    )
  })

  it('knows both QR spellings (API.md 5.2)', () => {
    expect(endpoints.authQrCode.aliasPaths).toContain('auth/authQRCode')
    expect(endpoints.authQRCode.aliasPaths).toContain('auth/authQrCode')
  })

  it('requires the app fields on every HMAC call and cenToken on admin calls', () => {
    for (const endpoint of endpointList) {
      const required = requiredFields(endpoint)
      if (endpoint.auth === 'hmac') {
        expect(required).toEqual(
          expect.arrayContaining(['username', 'integrationKey', 'unixTimestamp']),
        )
        expect(endpoint.signedOrder[0]).toBe('username')
      } else if (endpoint.method !== 'GET') {
        expect(required).toContain('cenToken')
      }
    }
  })

  it('alternative orders only name fields of their endpoint', () => {
    for (const endpoint of endpointList) {
      const known = new Set(endpoint.fields.map((field) => field.name))
      for (const alternative of endpoint.alternativeOrders) {
        for (const field of alternative.order)
          expect(known, `${endpoint.name} ${alternative.source}`).toContain(field)
        expect(alternative.order).not.toEqual(endpoint.signedOrder)
      }
      for (const field of endpoint.signedOrder) expect(known).toContain(field)
      for (const field of endpoint.vendorSample?.order ?? []) expect(known).toContain(field)
    }
  })

  it('records the vendor Node sample order of every signed call (API.md "GH Node" rows)', () => {
    const signed = endpointList.filter((endpoint) => endpoint.auth === 'hmac')
    // auth/logout is documented only by the 2018 PDF: no vendor sample.
    expect(signed.filter((e) => e.vendorSample === null).map((e) => e.name)).toEqual(['logout'])
    // Seed 001's Node sample: U + devAccId + authToken + integrationKey + ... (API.md 5.21).
    expect(endpoints.requestOtpChallenge.vendorSample.order).toEqual([
      'username',
      'devAccId',
      'authToken',
      'integrationKey',
      'unixTimestamp',
      'supportFido',
      'ipAddress',
      'userAgent',
      'browserFp',
    ])
    // Seed 000's Node sample signs the catalogue order.
    expect(endpoints.authSmsOtp.vendorSample.order).toEqual(endpoints.authSmsOtp.signedOrder)
  })

  it('lists documented orders once each, the catalogue order first', () => {
    for (const endpoint of endpointList) {
      const orders = documentedOrders(endpoint)
      expect(orders[0]).toEqual({ source: 'canonical', order: endpoint.signedOrder })
      const texts = orders.map((entry) => entry.order.join(','))
      expect(new Set(texts).size).toBe(texts.length)
    }
    const challengeSources = documentedOrders(endpoints.requestOtpChallenge).map((o) => o.source)
    expect(challengeSources[1]).toBe('vendor sample: page 1361 Node (seed 001), GH Node')
    // The vendor sample equals the catalogue order for authSmsOtp: listed once, as canonical.
    expect(documentedOrders(endpoints.authSmsOtp).map((o) => o.source)).not.toContain(
      'vendor sample: page 457 Node (seed 000), GH Node',
    )
  })

  it('picks the one order a tenant accepts per mode', () => {
    expect(tenantOrder(endpoints.requestOtpChallenge, 'catalogue').order).toBe(
      endpoints.requestOtpChallenge.signedOrder,
    )
    expect(tenantOrder(endpoints.requestOtpChallenge, 'vendor-samples').order).toBe(
      endpoints.requestOtpChallenge.vendorSample.order,
    )
    expect(tenantOrder(endpoints.logout, 'vendor-samples')).toEqual({
      source: 'canonical',
      order: endpoints.logout.signedOrder,
    })
  })
})
