// Canonical strings of every catalogued HMAC endpoint, written out by hand from API.md 1.9 (not
// computed from the catalogue), with every optional field non-empty so that each field's position
// is checked. Also: absent and empty fields sign the same, and null/undefined never become text.
import { describe, expect, it } from 'vitest'
import { endpointList, endpoints, unsignedFields } from '../centagate/endpoints'
import { canonicalString, describeSignedFields, fieldText } from './canonical-string'
import { hmacSha256Hex } from './index'

// Distinct, recognisable values for every field any endpoint has.
const values: Record<string, string> = {
  username: 'alice',
  password: 'PW',
  authResult: 'true',
  devAccId: 'DEV',
  otp: '111111',
  otpType: 'offline',
  crOtp: '222222',
  challenge: 'CHAL',
  details: 'DETS',
  transactionId: 'TX9',
  smsOtp: '333333',
  authMethod: 'QRCODE',
  tokenId: 'TOKID',
  transactionValue: 'TVAL',
  isTransaction: '1',
  isPasswordEncrypted: '0',
  integrationKey: 'IK',
  unixTimestamp: '1700000000',
  authToken: 'AT',
  supportFido: 'false',
  ipAddress: '203.0.113.7',
  userAgent: 'UA',
  browserFp: 'FP',
}
const tail = 'IK1700000000ATfalse203.0.113.7UAFP'

/** API.md 1.9, column "Signed, in order", spelt out. */
const expected: Record<string, string> = {
  authBasic: 'alicePWIK1700000000false203.0.113.7UAFP',
  adaptive: `alicetrue${tail}`,
  requestSmsOtp: `alice${tail}`,
  authSmsOtp: `alice333333${tail}`,
  authOtp: `aliceDEV111111offline${tail}`,
  requestOtpChallenge: `aliceDEVoffline${tail}`,
  authCrOtp: `aliceDEV222222offlineCHAL${tail}`,
  requestQrCode: `aliceDEVDETS${tail}`,
  authQrCode: `aliceDEV111111CHALDETS${tail}`,
  authQRCode: `aliceDEV111111CHALDETS${tail}`,
  statecheck: `aliceQRCODE${tail}`,
  // API.md 2.12: U, devAccId (if sent), details, TAIL.
  requestMobilePushCR: `aliceDEVDETS${tail}`,
  // API.md 2.20 (PDF18): U, IK, TS, AT; no context fields are sent.
  logout: 'aliceIK1700000000AT',
  requestSmsTransOtp: `aliceDETSTX9${tail}`,
  authoriseSmsTrans: `aliceTX9DETS333333${tail}`,
  requestTransactionSigningChallenge: `aliceDETSTX9${tail}`,
  authTransactionSigningCrOtp: `alice111111DETSTX9${tail}`,
}

/** Fields documented as sent but not signed (API.md 2.x). */
const expectedUnsigned: Record<string, string[]> = {
  authBasic: ['isPasswordEncrypted'],
  authOtp: ['tokenId'],
  requestOtpChallenge: ['tokenId'],
  authCrOtp: ['tokenId'],
  authQrCode: ['otpType', 'tokenId'],
  authQRCode: ['transactionValue', 'isTransaction'],
  authTransactionSigningCrOtp: ['challenge'],
}

describe('canonical strings per endpoint (API.md 1.9)', () => {
  const hmacEndpoints = endpointList.filter((endpoint) => endpoint.auth === 'hmac')

  it('covers every HMAC endpoint of the catalogue', () => {
    expect(hmacEndpoints.map((endpoint) => endpoint.name).sort()).toEqual(
      Object.keys(expected).sort(),
    )
  })

  it.each(hmacEndpoints.map((endpoint) => [endpoint.name, endpoint] as const))(
    '%s signs its fields in the documented order',
    (name, endpoint) => {
      const fields = Object.fromEntries(
        endpoint.fields.map((field) => [field.name, values[field.name]]),
      )
      expect(canonicalString(endpoint.signedOrder, fields)).toBe(expected[name])
      expect(unsignedFields(endpoint)).toEqual(expectedUnsigned[name] ?? [])
    },
  )

  it('admin endpoints are cenToken-authorised and sign nothing with the app key', () => {
    for (const endpoint of endpointList.filter((e) => e.auth === 'cenToken')) {
      expect(endpoint.signedOrder).toEqual([])
      expect(endpoint.base).toBe('v1')
    }
  })
})

describe('absent and empty fields', () => {
  const order = endpoints.authSmsOtp.signedOrder
  const full = { username: 'alice', smsOtp: '123456', integrationKey: 'IK', unixTimestamp: '1' }

  it('sign the same', async () => {
    const absent = canonicalString(order, full)
    const empty = canonicalString(order, {
      ...full,
      authToken: '',
      supportFido: '',
      ipAddress: '',
      userAgent: '',
      browserFp: '',
    })
    const nullish = canonicalString(order, { ...full, authToken: null, supportFido: undefined })
    expect(empty).toBe(absent)
    expect(nullish).toBe(absent)
    expect(await hmacSha256Hex('k', empty)).toBe(await hmacSha256Hex('k', absent))
  })

  it('never write "null" or "undefined"', () => {
    const text = canonicalString(order, { username: null, smsOtp: undefined })
    expect(text).toBe('')
    expect(fieldText(null)).toBe('')
    expect(fieldText(undefined)).toBe('')
    expect(fieldText(1700000000)).toBe('1700000000')
  })

  it('ignore inherited properties (a body key like __proto__ signs nothing extra)', () => {
    const fields = JSON.parse('{"username":"alice","__proto__":{"smsOtp":"999999"}}') as Record<
      string,
      string
    >
    expect(canonicalString(order, fields)).toBe('alice')
  })

  it('describe signed fields by name and byte length only', () => {
    const described = describeSignedFields(order, {
      username: 'alice',
      smsOtp: '123456',
      userAgent: 'Mözilla',
    })
    expect(described[0]).toEqual({ field: 'username', length: 5 })
    expect(described.find((entry) => entry.field === 'userAgent')).toEqual({
      field: 'userAgent',
      length: 8,
    })
    expect(JSON.stringify(described)).not.toContain('123456')
  })
})
