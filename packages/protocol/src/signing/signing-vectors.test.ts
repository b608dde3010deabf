// The two test vectors of API.md 1.5, checked on both HMAC engines (Web Crypto for browsers and
// edge runtimes, node:crypto for the Node condition): one shared implementation, two call sites.
import { describe, expect, it } from 'vitest'
import { canonicalString } from './canonical-string'
import { createSigningApi } from './create-signing'
import { nodeCryptoEngine } from './node-crypto-engine'
import { webCryptoEngine } from './web-crypto-engine'
import * as webSigning from './index'
import * as nodeSigning from './index.node'
import { endpoints } from '../centagate/endpoints'

const authSmsOtpVector = {
  secretKey: 'k3yForTests1',
  fields: {
    username: 'alice',
    smsOtp: '123456',
    integrationKey: '0123456789abcdef'.repeat(4),
    unixTimestamp: '1700000000',
    authToken: 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODk=',
    supportFido: '',
    ipAddress: '203.0.113.7',
    userAgent: 'Mozilla/5.0',
    browserFp: '',
  },
  hmac: 'a9db7fb5f9775ae109e9453b938138153309c8b2ab51273df837ce99e690136c',
}
const cenTokenVector = {
  secretCode: 'S3cretCodeForTestsOnly0123456789',
  adminUsername: 'admin1',
  authToken: authSmsOtpVector.fields.authToken,
  cenToken: '92dfac3fd4be86cc0031d04d338c00b307537d8bdf3acd08b7f9783c65286c31',
}

describe.each([
  ['web-crypto', createSigningApi(webCryptoEngine)],
  ['node-crypto', createSigningApi(nodeCryptoEngine)],
])('API.md 1.5 vectors on %s', (_engine, api) => {
  it('authSmsOtp hmac', async () => {
    const signer = api.createHmacSigner(authSmsOtpVector.secretKey)
    const hmac = await signer.signFields(endpoints.authSmsOtp.signedOrder, authSmsOtpVector.fields)
    expect(hmac).toBe(authSmsOtpVector.hmac)
    expect(
      await signer.verifyFields(endpoints.authSmsOtp.signedOrder, authSmsOtpVector.fields, hmac),
    ).toBe(true)
  })

  it('cenToken', async () => {
    expect(await api.computeCenToken(cenTokenVector)).toBe(cenTokenVector.cenToken)
    expect(await api.verifyCenToken(cenTokenVector, cenTokenVector.cenToken)).toBe(true)
    expect(
      await api.verifyCenToken(
        { ...cenTokenVector, adminUsername: 'admin2' },
        cenTokenVector.cenToken,
      ),
    ).toBe(false)
  })

  it('rejects malformed hmacs without throwing', async () => {
    const signer = api.createHmacSigner(authSmsOtpVector.secretKey)
    const message = canonicalString(endpoints.authSmsOtp.signedOrder, authSmsOtpVector.fields)
    for (const bad of [
      authSmsOtpVector.hmac.toUpperCase(),
      authSmsOtpVector.hmac.slice(0, 63),
      `${authSmsOtpVector.hmac}0`,
      'z'.repeat(64),
      '',
      null,
      undefined,
      42,
      { hmac: authSmsOtpVector.hmac },
    ]) {
      expect(await signer.verify(message, bad)).toBe(false)
    }
  })

  it('refuses an empty secret', () => {
    expect(() => api.createHmacSigner('')).toThrow(TypeError)
  })

  it('compares text in constant time helpers', () => {
    expect(api.timingSafeEqualText('abc', 'abc')).toBe(true)
    expect(api.timingSafeEqualText('abc', 'abd')).toBe(false)
    expect(api.timingSafeEqualText('abc', 'abcd')).toBe(false)
    expect(api.timingSafeEqualText('', '')).toBe(true)
  })
})

describe('package entry points', () => {
  it('the default entry is Web Crypto and the node entry node:crypto, with equal results', async () => {
    expect(webSigning.signingEngine).toBe('web-crypto')
    expect(nodeSigning.signingEngine).toBe('node-crypto')
    const a = await webSigning.hmacSha256Hex('key', 'message')
    const b = await nodeSigning.hmacSha256Hex('key', 'message')
    expect(a).toBe(b)
    expect(a).toMatch(/^[0-9a-f]{64}$/)
  })
})
