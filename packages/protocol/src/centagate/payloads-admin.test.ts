// The success objects of the calls issue 15 adds (push, app activation, factor status, offline
// registration, logout), decoded from envelopes shaped the way API.md 1.3 and 2.19-2.20 say.
import { describe, expect, it } from 'vitest'
import { decodePayload, EnvelopeError, parseEnvelope } from './envelope'
import { endpoints } from './endpoints'

const decode = <N extends keyof typeof endpoints>(name: N, body: unknown) =>
  decodePayload(endpoints[name], parseEnvelope(body))

describe('new payload decoders', () => {
  it('requestMobilePushCR answers the token to poll statecheck with', () => {
    expect(decode('requestMobilePushCR', { code: '0', object: '{"authToken":"T2"}' })).toEqual({
      authToken: 'T2',
    })
    expect(() => decode('requestMobilePushCR', { code: '0', object: '' })).toThrow(EnvelopeError)
  })

  it('device/register/onetimepin answers the QR text and the passcode', () => {
    expect(
      decode('registerOneTimePin', { code: '0', object: '{"qr":"CGACT1:x","passcode":"123456"}' }),
    ).toEqual({ qr: 'CGACT1:x', passcode: '123456' })
    expect(() => decode('registerOneTimePin', { code: '0', object: '{"passcode":"1"}' })).toThrow(
      /qr/,
    )
  })

  it('token/getStatus reads a bare status value, and "" or nothing as none', () => {
    expect(decode('getTokenStatus', { code: '0', object: '2' })).toEqual({
      code: '2',
      status: 'valid',
    })
    expect(decode('getTokenStatus', { code: 0, object: 5 })).toEqual({
      code: '5',
      status: 'suspended',
    })
    expect(decode('getTokenStatus', { code: '0', object: '' })).toEqual({
      code: '',
      status: 'none',
    })
    expect(() => decode('getTokenStatus', { code: '0', object: '9' })).toThrow(EnvelopeError)
  })

  it('register/otp/offline must carry a key (an empty object is a bad payload)', () => {
    expect(decode('registerOfflineOtp', { code: '0', object: '{"key":"JBSWY3DP"}' })).toEqual({
      key: 'JBSWY3DP',
    })
    expect(() => decode('registerOfflineOtp', { code: '0', object: '' })).toThrow(/bad_payload/)
  })

  it('logout and unregisterActiveToken carry nothing', () => {
    expect(decode('logout', { code: '0', object: '' })).toBeUndefined()
    expect(decode('unregisterActiveToken', { code: '0', object: '' })).toBeUndefined()
  })
})
