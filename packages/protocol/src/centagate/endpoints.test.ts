import { describe, expect, it } from 'vitest'
import { endpointList, endpointPath, endpoints, requiredFields } from './endpoints'

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
      'authQRCode',
      'statecheck',
      'requestSmsTransOtp',
      'authoriseSmsTrans',
      'requestTransactionSigningChallenge',
      'authTransactionSigningCrOtp',
      'registerActiveToken',
      'registerOfflineOtp',
      'userAuthList',
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
    }
  })
})
