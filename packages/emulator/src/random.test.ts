// Random identifiers have the shapes of API.md 1.6 and no visible bias.
import { describe, expect, it } from 'vitest'
import { randomAlphanumeric, randomAuthToken, randomDigits, randomHex32, randomInt } from './random'

describe('random identifiers', () => {
  it('have the documented shapes', () => {
    expect(randomDigits(6)).toMatch(/^\d{6}$/)
    expect(randomDigits(8)).toMatch(/^\d{8}$/)
    expect(randomAlphanumeric(32)).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(randomAuthToken()).toMatch(/^[A-Za-z0-9+/]{43}=$/)
    expect(randomHex32()).toMatch(/^[0-9a-f]{32}$/)
    expect(randomInt(7)).toBeLessThan(7)
  })
  it('digits are roughly uniform (60,000 draws, every digit within 10% of the mean)', () => {
    const counts = new Array<number>(10).fill(0)
    const text = randomDigits(60_000)
    for (const char of text) counts[Number(char)] = (counts[Number(char)] ?? 0) + 1
    for (const count of counts) expect(Math.abs(count - 6000)).toBeLessThan(600)
  })
})
