// RFC 4226 Appendix D (T-A1) and RFC 6238 Appendix B (T-A2) vectors through the same otpauth
// primitives the emulator's soft tokens use, plus the emulator's TOTP acceptance window (T-A5).
import * as OTPAuth from 'otpauth'
import { describe, expect, it } from 'vitest'
import { generateTotp, matchTotpStep, totpStep } from './totp'

describe('RFC 4226 Appendix D (HOTP)', () => {
  it('counters 0-9', () => {
    const secret = OTPAuth.Secret.fromLatin1('12345678901234567890')
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ]
    for (const [counter, otp] of expected.entries()) {
      expect(OTPAuth.HOTP.generate({ secret, counter, digits: 6, algorithm: 'SHA1' })).toBe(otp)
    }
  })
})

describe('RFC 6238 Appendix B (TOTP)', () => {
  const times = [59, 1111111109, 1111111111, 1234567890, 2000000000, 20000000000]
  const cases = [
    [
      'SHA1',
      '12345678901234567890',
      ['94287082', '07081804', '14050471', '89005924', '69279037', '65353130'],
    ],
    [
      'SHA256',
      '12345678901234567890123456789012',
      ['46119246', '68084774', '67062674', '91819424', '90698825', '77737706'],
    ],
    [
      'SHA512',
      '1234567890123456789012345678901234567890123456789012345678901234',
      ['90693936', '25091201', '99943326', '93441116', '38618901', '47863826'],
    ],
  ] as const
  it.each(cases)('%s', (algorithm, key, expected) => {
    const secret = OTPAuth.Secret.fromLatin1(key)
    for (const [index, time] of times.entries()) {
      const token = { secret: secret.base32, algorithm, digits: 8, period: 30 }
      expect(generateTotp(token, time * 1000)).toBe(expected[index])
    }
  })
})

describe('emulator TOTP window (accept t and t-1 only)', () => {
  const token = { secret: OTPAuth.Secret.fromLatin1('12345678901234567890').base32 }
  const now = 1_700_000_015_000
  const at = (deltaSteps: number) => generateTotp(token, now + deltaSteps * 30_000)
  it('accepts t and t-1, rejects t-2 and t+1', () => {
    const t = totpStep(token, now)
    expect(matchTotpStep(token, at(0), now)).toBe(t)
    expect(matchTotpStep(token, at(-1), now)).toBe(t - 1)
    expect(matchTotpStep(token, at(-2), now)).toBeNull()
    expect(matchTotpStep(token, at(1), now)).toBeNull()
    expect(matchTotpStep(token, '000000x', now)).toBeNull()
  })

  // T-A5: a table of boundary cases: first and last second of a step, for several steps, with the
  // code of steps t-2, t-1, t and t+1.
  const times = [
    0, 29, 30, 59, 1_111_111_109, 1_111_111_110, 1_700_000_000, 1_700_000_009, 2_000_000_000,
    20_000_000_000,
  ]
  const table = times.flatMap((seconds) =>
    [-2, -1, 0, 1].map((delta) => [seconds, delta, delta === 0 || delta === -1] as const),
  )
  it.each(table)('at %i s, the code of step t%+i accepted: %s', (seconds, delta, accepted) => {
    const timeMs = seconds * 1000
    const step = totpStep(token, timeMs)
    const code = generateTotp(token, (step + delta) * 30_000)
    const matched = matchTotpStep(token, code, timeMs)
    // A code of another step can collide by chance (1 in 10^6): then it matches that step, never t+1.
    if (accepted) expect(matched).toBe(step + delta)
    else expect(matched === null || matched === step || matched === step - 1).toBe(true)
    if (!accepted) expect(matched).not.toBe(step + delta)
  })
})
