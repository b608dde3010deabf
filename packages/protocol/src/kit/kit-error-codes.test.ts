import { describe, expect, it } from 'vitest'
import { isKitErrorCode, kitErrorCodes } from './kit-error-codes'
import { kitErrors } from './kit-error-statuses'

describe('kit error codes', () => {
  it('are exactly the keys of the status table, each listed once', () => {
    expect(new Set(kitErrorCodes).size).toBe(kitErrorCodes.length)
    expect([...kitErrorCodes].sort()).toEqual(Object.keys(kitErrors).sort())
  })

  it('isKitErrorCode accepts the codes and nothing else (no inherited names, no non-strings)', () => {
    for (const code of kitErrorCodes) expect(isKitErrorCode(code)).toBe(true)
    for (const value of ['nope', 'toString', '__proto__', '', 'OTP_INVALID', 401, null, undefined])
      expect(isKitErrorCode(value)).toBe(false)
  })
})
