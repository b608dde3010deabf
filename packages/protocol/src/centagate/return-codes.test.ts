import { describe, expect, it } from 'vitest'
import { kitErrorForReturnCode, kitErrors } from '../kit/errors'
import { describeReturnCode, returnCodes } from './return-codes'

// Every code of API.md section 3 (23030-23033 and 28003-28008 spelt out).
const documented = `0 1 6002 6007 10001 10002 10003 10004 10007 10011 20002 20007 21001 22001 22002
22003 22004 22005 22006 22011 22013 22016 22023 22025 22027 22029 22031 23001 23002 23003 23004
23005 23006 23007 23008 23009 23010 23012 23013 23014 23015 23016 23017 23018 23019 23020 23021
23022 23023 23024 23025 23026 23027 23028 23029 23030 23031 23032 23033 23034 23035 23036 23037
23039 25009 26001 26010 26011 27001 28003 28004 28005 28006 28007 28008 29001 29002 29003 29004
29008 29011 29013 29017 29018 36000 36004 37000 38000 54002 55000 56000 230001`.split(/\s+/)

describe('return-code catalogue', () => {
  it('lists every code of API.md section 3 and nothing else', () => {
    expect(Object.keys(returnCodes).sort()).toEqual([...documented].sort())
  })

  it('gives every code a unique snake_case key', () => {
    const keys = Object.values(returnCodes).map((info) => info.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const key of keys) expect(key).toMatch(/^[a-z0-9_]+$/)
  })

  it('classifies the codes the kit acts on', () => {
    expect(describeReturnCode('23022')).toMatchObject({
      key: 'invalid_signature',
      category: 'integration',
      retryable: false,
    })
    expect(describeReturnCode(23023)).toMatchObject({ category: 'clock' })
    expect(describeReturnCode('23007')).toMatchObject({ category: 'pending', retryable: true })
    expect(describeReturnCode('23008')).toMatchObject({ category: 'credentials', retryable: true })
    expect(describeReturnCode('23036')).toMatchObject({ category: 'locked', retryable: false })
  })

  it('fails closed on an unknown code', () => {
    expect(describeReturnCode('99999')).toMatchObject({
      key: 'unknown_99999',
      category: 'server',
      retryable: false,
    })
  })

  it('maps every code to a kit error and a message key', () => {
    for (const code of documented.filter((code) => code !== '0')) {
      const mapped = kitErrorForReturnCode(code)
      expect(kitErrors).toHaveProperty(mapped.error)
      expect(mapped.messageKey).toBe(`centagate.${returnCodes[code]?.key}`)
    }
    expect(kitErrorForReturnCode('23008').error).toBe('otp_invalid')
    expect(kitErrorForReturnCode('23009').error).toBe('otp_expired')
    expect(kitErrorForReturnCode('23002').error).toBe('rate_limited')
    expect(kitErrorForReturnCode('23023').error).toBe('clock_skew')
    expect(kitErrorForReturnCode('23022').error).toBe('integration_error')
    expect(kitErrorForReturnCode('22002').error).toBe('invalid_credentials')
  })
})
