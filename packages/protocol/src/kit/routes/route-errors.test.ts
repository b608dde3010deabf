import { describe, expect, it } from 'vitest'
import { returnCodes } from '../../centagate/return-codes'
import { kitErrorForReturnCode } from '../kit-error-for-return-code'
import { upstreamErrors } from './route-errors'

describe('upstreamErrors', () => {
  it('holds every kit code a CENTAGATE return code maps to, unknown codes included', () => {
    const mapped = new Set(
      [...Object.keys(returnCodes), '99999', 'not-a-code'].map(
        (code) => kitErrorForReturnCode(code).error,
      ),
    )
    expect(mapped.size).toBeGreaterThan(5)
    for (const code of mapped) expect(upstreamErrors, code).toContain(code)
  })
})
