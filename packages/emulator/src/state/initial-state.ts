import type { Fixtures } from '../fixtures/fixture-schema'
import type { EmulatorState } from './state-schema'

/** A fresh state seeded from fixtures (deep-copied, so fixtures are never mutated). */
export function initialState(fixtures: Fixtures): EmulatorState {
  const copy = structuredClone(fixtures)
  return {
    version: 1,
    clockOffsetMs: 0,
    apps: copy.apps,
    users: Object.fromEntries(copy.users.map((user) => [user.username, user])),
    tokens: Object.fromEntries(copy.tokens.map((token) => [token.serial, token])),
    sessions: {},
    liveTokens: {},
    retiredTokens: {},
    sms: {},
    smsSends: {},
    challenges: {},
    qrRequests: {},
    pushRequests: {},
    activations: {},
    authorisedTransactions: {},
    failures: {},
    totpLastStep: {},
    outbox: [],
  }
}
