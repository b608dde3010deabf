// Requests signed exactly the way the vendor's Java and PHP samples of the five seed pages sign
// them (shared/centagate/seeds; API.md 2.4, 2.6, 2.10, 2.18, 2.19), with NON-EMPTY optional
// fields so that every field's position matters. Strict mode (canonical order only) answers 23022
// where the sample's order differs from the canonical one; lenient mode accepts the documented
// alternative and names it in the x-centagate-emulator-signed-order header.
import { afterEach, describe, expect, it } from 'vitest'
import { textToBase64 } from './encoding'
import { type Harness, startHarness } from '@centagate-kit/testkit/emulator-test-server'

/** Orders as written in the seed samples (hmac text concatenations). */
const samples = {
  authSmsOtp: {
    // seed 000 Java: "username" + "smsOtp" + "authToken" + "integrationKey" + "unixTimestamp" + "supportFido" + "ipAddress" + "userAgent" + "browserFp"
    java: [
      'username',
      'smsOtp',
      'authToken',
      'integrationKey',
      'unixTimestamp',
      'supportFido',
      'ipAddress',
      'userAgent',
      'browserFp',
    ],
    // seed 000 PHP: $username.$smsOtp.$integrationKey.$authToken.$unixTimestamp.$supportFido.$ipAddress.$userAgent.$browserFp
    php: [
      'username',
      'smsOtp',
      'integrationKey',
      'authToken',
      'unixTimestamp',
      'supportFido',
      'ipAddress',
      'userAgent',
      'browserFp',
    ],
  },
  requestOtpChallenge: {
    // seed 001 Java: username + devAccId + otpType + integrationKey + unixTimestamp + authToken + supportFido + ipAddress + userAgent + browserFp
    java: [
      'username',
      'devAccId',
      'otpType',
      'integrationKey',
      'unixTimestamp',
      'authToken',
      'supportFido',
      'ipAddress',
      'userAgent',
      'browserFp',
    ],
    // seed 001 PHP: $username.$devAccId.$otpType.$integrationKey.$unixTimestamp.$authToken.$ipAddress.$userAgent
    php: [
      'username',
      'devAccId',
      'otpType',
      'integrationKey',
      'unixTimestamp',
      'authToken',
      'ipAddress',
      'userAgent',
    ],
  },
  authQRCode: {
    // seed 004 Java and PHP: username + devAccId + otp + challenge + details + authToken + integrationKey + unixTimestamp + supportFido + ipAddress + userAgent + browserFp
    javaPhp: [
      'username',
      'devAccId',
      'otp',
      'challenge',
      'details',
      'authToken',
      'integrationKey',
      'unixTimestamp',
      'supportFido',
      'ipAddress',
      'userAgent',
      'browserFp',
    ],
  },
} as const

const context = {
  supportFido: 'false',
  ipAddress: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11)',
  browserFp: 'fp-7f3a',
}

let h: Harness
afterEach(async () => {
  await h.close()
})

describe.each([
  ['strict', false],
  ['lenient', true],
] as const)('%s mode', (mode, lenient) => {
  const signedOrder = (result: { headers: Headers }) =>
    result.headers.get('x-centagate-emulator-signed-order')

  it('authSmsOtp (seed 000): Java and PHP orders', async () => {
    h = await startHarness({ lenient })
    for (const [sample, order, source] of [
      ['java', samples.authSmsOtp.java, 'page 457 Java, GH Java'],
      ['php', samples.authSmsOtp.php, 'page 457 PHP, GH PHP'],
    ] as const) {
      const session = await h.login('bob')
      await h.advance(61)
      expect(
        (await h.client.call('requestSmsOtp', { username: 'bob', authToken: session.authToken }))
          .code,
      ).toBe('0')
      const smsOtp = (await h.lastSms('bob')).code
      const result = await h.client.call(
        'authSmsOtp',
        { username: 'bob', smsOtp, authToken: session.authToken, ...context },
        { order },
      )
      if (lenient) {
        expect(result.code, sample).toBe('0')
        expect(signedOrder(result), sample).toBe(source)
      } else {
        expect(result.code, sample).toBe('23022')
        expect(signedOrder(result)).toBeNull()
      }
    }
  })

  it('requestOtpChallenge (seed 001): Java order is the canonical one; PHP drops supportFido/browserFp', async () => {
    h = await startHarness({ lenient })
    const session = await h.login('alice')
    const fields = {
      username: 'alice',
      devAccId: 'c0000000000000000000000000000001',
      otpType: 'offline',
      tokenId: 'CR0000001',
      authToken: session.authToken,
    }
    const java = await h.client.call(
      'requestOtpChallenge',
      { ...fields, ...context },
      { order: samples.requestOtpChallenge.java },
    )
    expect(java.code).toBe('0')
    expect(signedOrder(java)).toBe('canonical')
    // The PHP sample's body carries no supportFido/browserFp: absent fields sign as "", so strict accepts it.
    const { supportFido: _sf, browserFp: _fp, ...phpContext } = context
    const php = await h.client.call(
      'requestOtpChallenge',
      { ...fields, ...phpContext },
      { order: samples.requestOtpChallenge.php },
    )
    expect(php.code).toBe('0')
    expect(signedOrder(php)).toBe('canonical')
    // A client that sends them but signs the PHP way: strict 23022, lenient names the PHP order.
    const phpWithContext = await h.client.call(
      'requestOtpChallenge',
      { ...fields, ...context },
      { order: samples.requestOtpChallenge.php },
    )
    expect(phpWithContext.code).toBe(lenient ? '0' : '23022')
    expect(signedOrder(phpWithContext)).toBe(lenient ? 'page 1361 PHP, GH PHP, SSO' : null)
  })

  it('authQRCode transaction (seed 004): Java/PHP order', async () => {
    h = await startHarness({ lenient })
    const session = await h.login('alice')
    const qr = await h.client.call('requestQrCode', {
      username: 'alice',
      details: textToBase64('Transfer MYR 50'),
      authToken: session.authToken,
    })
    const scanned = await h.scan(qr.text('qrCode'))
    const result = await h.client.call(
      'authQRCode',
      {
        username: 'alice',
        devAccId: 'a11ce0000000000000000000000000d1',
        otp: scanned.otp,
        challenge: qr.text('otpChallenge'),
        details: textToBase64(qr.text('plainText')),
        authToken: qr.text('authToken'),
        transactionValue: '50.00',
        isTransaction: '1',
        ...context,
      },
      { order: samples.authQRCode.javaPhp },
    )
    expect(result.code).toBe(lenient ? '0' : '23022')
    expect(signedOrder(result)).toBe(
      lenient ? 'vendor sample: page 1997 Node (seed 004), GH Node' : null,
    )
  })

  it('registerActiveToken (seed 003) and register/otp/offline (seed 002): cenToken = HMAC(secretCode, adminUsername + authToken)', async () => {
    h = await startHarness({ lenient })
    const admin = await h.login('admin')
    // Java: convertHmacSha256(secretCode, adminUsername + authToken); PHP: hash_hmac('sha256', $adminUsername.$authToken, $secretCode)
    const cenToken = await h.client.cenToken({
      secretCode: admin.secretCode,
      adminUsername: 'admin',
      authToken: admin.authToken,
    })
    // GH Postman signs the target username instead (API.md 5.6): refused in both modes.
    const postman = await h.client.cenToken({
      secretCode: admin.secretCode,
      adminUsername: 'carol',
      authToken: admin.authToken,
    })
    expect(
      (
        await h.client.admin('registerActiveToken', 'admin', {
          username: 'carol',
          tokenSn: 'CR0000002',
          tokenType: '2',
          cenToken: postman,
        })
      ).code,
    ).toBe('10001')
    expect(
      (
        await h.client.admin('registerOfflineOtp', 'admin', {
          username: 'carol',
          cenToken: postman,
        })
      ).code,
    ).toBe('10001')
    const bound = await h.client.admin('registerActiveToken', 'admin', {
      username: 'carol',
      tokenSn: 'CR0000002',
      tokenType: '2',
      cenToken,
    })
    expect(bound.code).toBe('0')
    expect(
      (await h.client.admin('registerOfflineOtp', 'admin', { username: 'bob', cenToken })).code,
    ).toBe('0')
    expect(mode).toBeDefined()
  })

  it('field spellings of API.md 5.4 (SMSOTP, OtpType, browswerFp): lenient only', async () => {
    h = await startHarness({ lenient })
    const session = await h.login('bob')
    await h.client.call('requestSmsOtp', { username: 'bob', authToken: session.authToken })
    const smsOtp = (await h.lastSms('bob')).code
    // Signed over the values (names are not signed), sent under the table spellings.
    const ts = String(Math.floor(h.server.emulator.clock.now() / 1000))
    const hmac = await h.client.signer.signFields(
      [
        'username',
        'smsOtp',
        'integrationKey',
        'unixTimestamp',
        'authToken',
        'supportFido',
        'ipAddress',
        'userAgent',
        'browserFp',
      ],
      {
        username: 'bob',
        smsOtp,
        integrationKey: h.server.emulator.credentials.integrationKey,
        unixTimestamp: ts,
        authToken: session.authToken,
        browserFp: 'fp-1',
      },
    )
    const result = await h.client.call(
      'authSmsOtp',
      {
        username: 'bob',
        SMSOTP: smsOtp,
        authToken: session.authToken,
        browswerFp: 'fp-1',
        unixTimestamp: ts,
      },
      { hmac, keepTimestamp: true },
    )
    expect(result.code).toBe(lenient ? '0' : '10002')
  })
})
