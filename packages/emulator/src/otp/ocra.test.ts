// RFC 6287 Appendix C test vectors (anchors-security T-A3): every one-way, mutual and signature
// vector, computed by the emulator's OCRA over Web Crypto.
import { describe, expect, it } from 'vitest'
import { hexToBytes } from '../encoding'
import { computeOcra, OcraSuiteError, parseOcraSuite } from './ocra'

const SEED20 = hexToBytes('3132333435363738393031323334353637383930')
const SEED32 = hexToBytes('3132333435363738393031323334353637383930313233343536373839303132')
const SEED64 = hexToBytes(
  '31323334353637383930313233343536373839303132333435363738393031323334353637383930313233343536373839303132333435363738393031323334',
)
const PIN_SHA1 = '7110eda4d09e062aa5e4a390b0a572ac0d2c0220'
const T = 0x132d0b6
const digitsQ = (i: number) => String(i).repeat(8)

describe('RFC 6287 C.1 one-way challenge-response', () => {
  it('OCRA-1:HOTP-SHA1-6:QN08', async () => {
    const expected = [
      '237653',
      '243178',
      '653583',
      '740991',
      '608993',
      '388898',
      '816933',
      '224598',
      '750600',
      '294470',
    ]
    for (const [i, otp] of expected.entries()) {
      expect(await computeOcra('OCRA-1:HOTP-SHA1-6:QN08', SEED20, { question: digitsQ(i) })).toBe(
        otp,
      )
    }
  })
  it('OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1 (PIN 1234, as clear PIN and as hash)', async () => {
    const expected = [
      '65347737',
      '86775851',
      '78192410',
      '71565254',
      '10104329',
      '65983500',
      '70069104',
      '91771096',
      '75011558',
      '08522129',
    ]
    for (const [c, otp] of expected.entries()) {
      const suite = 'OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1'
      expect(
        await computeOcra(suite, SEED32, { counter: c, question: '12345678', pinHash: PIN_SHA1 }),
      ).toBe(otp)
      expect(
        await computeOcra(suite, SEED32, { counter: c, question: '12345678', pin: '1234' }),
      ).toBe(otp)
    }
  })
  it('OCRA-1:HOTP-SHA256-8:QN08-PSHA1', async () => {
    const expected = ['83238735', '01501458', '17957585', '86776967', '86807031']
    for (const [i, otp] of expected.entries()) {
      expect(
        await computeOcra('OCRA-1:HOTP-SHA256-8:QN08-PSHA1', SEED32, {
          question: digitsQ(i),
          pinHash: PIN_SHA1,
        }),
      ).toBe(otp)
    }
  })
  it('OCRA-1:HOTP-SHA512-8:C-QN08', async () => {
    const expected = [
      '07016083',
      '63947962',
      '70123924',
      '25341727',
      '33203315',
      '34205738',
      '44343969',
      '51946085',
      '20403879',
      '31409299',
    ]
    for (const [i, otp] of expected.entries()) {
      expect(
        await computeOcra('OCRA-1:HOTP-SHA512-8:C-QN08', SEED64, {
          counter: i,
          question: digitsQ(i),
        }),
      ).toBe(otp)
    }
  })
  it('OCRA-1:HOTP-SHA512-8:QN08-T1M', async () => {
    const expected = ['95209754', '55907591', '22048402', '24218844', '36209546']
    for (const [i, otp] of expected.entries()) {
      expect(
        await computeOcra('OCRA-1:HOTP-SHA512-8:QN08-T1M', SEED64, {
          question: digitsQ(i),
          timeSteps: T,
        }),
      ).toBe(otp)
    }
  })
})

describe('RFC 6287 C.2 mutual challenge-response', () => {
  const server = (i: number) => `CLI2222${i}SRV1111${i}`
  const client = (i: number) => `SRV1111${i}CLI2222${i}`
  it('OCRA-1:HOTP-SHA256-8:QA08 server and client', async () => {
    const serverExpected = ['28247970', '01984843', '65387857', '03351211', '83412541']
    const clientExpected = ['15510767', '90175646', '33777207', '95285278', '28934924']
    for (let i = 0; i < 5; i++) {
      expect(await computeOcra('OCRA-1:HOTP-SHA256-8:QA08', SEED32, { question: server(i) })).toBe(
        serverExpected[i],
      )
      expect(await computeOcra('OCRA-1:HOTP-SHA256-8:QA08', SEED32, { question: client(i) })).toBe(
        clientExpected[i],
      )
    }
  })
  it('OCRA-1:HOTP-SHA512-8:QA08 server, OCRA-1:HOTP-SHA512-8:QA08-PSHA1 client', async () => {
    const serverExpected = ['79496648', '76831980', '12250499', '90856481', '12761449']
    const clientExpected = ['18806276', '70020315', '01600026', '18951020', '32528969']
    for (let i = 0; i < 5; i++) {
      expect(await computeOcra('OCRA-1:HOTP-SHA512-8:QA08', SEED64, { question: server(i) })).toBe(
        serverExpected[i],
      )
      expect(
        await computeOcra('OCRA-1:HOTP-SHA512-8:QA08-PSHA1', SEED64, {
          question: client(i),
          pinHash: PIN_SHA1,
        }),
      ).toBe(clientExpected[i])
    }
  })
})

describe('RFC 6287 C.3 plain signature', () => {
  it('OCRA-1:HOTP-SHA256-8:QA08', async () => {
    const expected = ['53095496', '04110475', '31331128', '76028668', '46554205']
    for (const [i, otp] of expected.entries()) {
      expect(
        await computeOcra('OCRA-1:HOTP-SHA256-8:QA08', SEED32, { question: `SIG1${i}000` }),
      ).toBe(otp)
    }
  })
  it('OCRA-1:HOTP-SHA512-8:QA10-T1M', async () => {
    const expected = ['77537423', '31970405', '10235557', '95213541', '65360607']
    for (const [i, otp] of expected.entries()) {
      expect(
        await computeOcra('OCRA-1:HOTP-SHA512-8:QA10-T1M', SEED64, {
          question: `SIG1${i}00000`,
          timeSteps: T,
        }),
      ).toBe(otp)
    }
  })
})

describe('OCRA suite parser', () => {
  it('parses every DataInput', () => {
    expect(parseOcraSuite('OCRA-1:HOTP-SHA512-8:C-QH40-PSHA256-S064-T30S')).toMatchObject({
      hash: 'SHA512',
      digits: 8,
      counter: true,
      question: { format: 'H', maxLength: 40 },
      pin: 'SHA256',
      session: 64,
      timeStep: 30,
    })
  })
  it('rejects malformed suites and inputs', async () => {
    for (const bad of [
      'OCRA-2:HOTP-SHA1-6:QN08',
      'OCRA-1:HOTP-MD5-6:QN08',
      'OCRA-1:HOTP-SHA1-3:QN08',
      'OCRA-1:HOTP-SHA1-6:C',
      'OCRA-1:HOTP-SHA1-6:QN08-X',
    ]) {
      expect(() => parseOcraSuite(bad)).toThrow(OcraSuiteError)
    }
    await expect(
      computeOcra('OCRA-1:HOTP-SHA1-6:QN08', SEED20, { question: '12ab5678' }),
    ).rejects.toThrow(OcraSuiteError)
    await expect(
      computeOcra('OCRA-1:HOTP-SHA1-6:QN08', SEED20, { question: '12345678901234567' }),
    ).rejects.toThrow(OcraSuiteError)
  })
  it('session information and seconds-based time change the response', async () => {
    const suite = 'OCRA-1:HOTP-SHA256-8:QN08-S064-T30S'
    const a = await computeOcra(suite, SEED32, {
      question: '12345678',
      sessionHex: 'ab',
      timeSeconds: 60,
    })
    const b = await computeOcra(suite, SEED32, {
      question: '12345678',
      sessionHex: 'ac',
      timeSeconds: 60,
    })
    const c = await computeOcra(suite, SEED32, {
      question: '12345678',
      sessionHex: 'ab',
      timeSeconds: 90,
    })
    expect(new Set([a, b, c]).size).toBe(3)
  })
})
