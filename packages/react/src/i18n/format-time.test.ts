import { describe, expect, test } from 'vitest'
import { formatClockTime, formatCountdown } from './format-time'

describe('time formatting', () => {
  test('countdowns round up to whole seconds as m:ss', () => {
    expect(formatCountdown(300_000)).toBe('5:00')
    expect(formatCountdown(59_001)).toBe('1:00')
    expect(formatCountdown(59_000)).toBe('0:59')
    expect(formatCountdown(0)).toBe('0:00')
    expect(formatCountdown(-5)).toBe('0:00')
  })

  test('clock times convert the server clock with the learnt offset', () => {
    const serverTime = Date.UTC(2026, 0, 1, 14, 5)
    // The server is 90 s ahead of this browser: its 14:05 is 14:03:30 here.
    expect(
      formatClockTime(serverTime, { locale: 'en-GB', offsetMs: 90_000, timeZone: 'UTC' }),
    ).toBe('14:03')
  })
})
