// A long-running emulator keeps a bounded state: expired sessions, tokens, challenges, QR requests
// and SMS records are dropped after a grace period, live ones are kept.
import { describe, expect, it } from 'vitest'
import { createEmulator } from '../emulator'
import { defaultSettings } from '../settings'
import { pruneState } from './prune'

describe('pruneState', () => {
  it('drops expired records and keeps live ones', async () => {
    let now = 1_763_900_000_000
    const emulator = createEmulator({ now: () => now })
    const { state } = emulator
    state.sessions.old = {
      id: 'old',
      username: 'bob',
      authToken: 'T-old',
      status: 'complete',
      secretCode: 'x',
      factors: [],
      createdAt: now,
      expiresAt: now + 1000,
    }
    state.liveTokens['T-old'] = 'old'
    state.retiredTokens['T-retired'] = now
    state.smsSends.bob = [now]
    now += 3 * 3_600_000
    state.sessions.live = {
      id: 'live',
      username: 'bob',
      authToken: 'T-live',
      status: 'complete',
      secretCode: 'x',
      factors: [],
      createdAt: now,
      expiresAt: now + 1000,
    }
    state.liveTokens['T-live'] = 'live'
    pruneState(state, now, defaultSettings)
    expect(Object.keys(state.sessions)).toEqual(['live'])
    expect(state.liveTokens).toEqual({ 'T-live': 'live' })
    expect(state.retiredTokens).toEqual({})
    expect(state.smsSends).toEqual({})
    await Promise.resolve()
  })
})
