// The route table serves exactly the declared routes and knows which kit error codes each route
// declares. The walk through every route's failure answers (against the emulator) is
// packages/server/test/handler/declared-errors.test.ts.
import { kitErrorCodes, kitRouteDeclarations } from '@centagate-kit/protocol'
import { describe, expect, it } from 'vitest'
import { declaresError, kitRouteTable } from './kit-route-table'

describe('the server route table', () => {
  it('serves exactly the declared routes', () => {
    expect(Object.keys(kitRouteTable).sort()).toEqual(
      kitRouteDeclarations.map((route) => route.path).sort(),
    )
  })

  it('knows which codes each route declares', () => {
    expect(declaresError('sms/verify', 'otp_invalid')).toBe(true)
    expect(declaresError('flow/cancel', 'otp_invalid')).toBe(false)
    // Every route may refuse a request before its own code runs.
    for (const route of kitRouteDeclarations) {
      expect(declaresError(route.path, 'invalid_input'), route.path).toBe(true)
      for (const code of route.errors) expect(kitErrorCodes).toContain(code)
    }
  })
})
