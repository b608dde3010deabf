/**
 * Managing a user's factors with the admin cenToken (API.md 2.20): `token/unregisterActiveToken`
 * removes one, `token/getStatus` reports one. `type`: "1" mobile device (CENTAGATE app), "2" SMS
 * number, "3" (or "CH") the OTP token slot — a hardware token or an offline OTP token; a user has
 * at most one (29008) — and "4" PKI certificates, which the emulator does not hold.
 */
import { userTokens } from '../state/factors'
import type { EmulatorState, UserState } from '../state/state-schema'
import { findUser } from './admin'
import { type CallContext, type Handler, fail, field, ok } from './context'

type FactorType = 'mobile' | 'sms' | 'token' | 'pki'

function factorType(context: CallContext): FactorType | null {
  const type = field(context, 'type').toUpperCase()
  if (type === '1') return 'mobile'
  if (type === '2') return 'sms'
  if (type === '3' || type === 'CH') return 'token'
  if (type === '4') return 'pki'
  return null
}

/** The user's newest activation of the app that has not completed yet. */
export function pendingActivation(state: EmulatorState, username: string, now: number) {
  return Object.values(state.activations)
    .filter((a) => a.username === username && a.state === 'pending' && a.expiresAt > now)
    .sort((a, b) => b.issuedAt - a.issuedAt)[0]
}

function hasToken(state: EmulatorState, user: UserState): boolean {
  return userTokens(state, user.username).length > 0 || user.softToken !== undefined
}

export const unregisterActiveToken: Handler = (context) => {
  const { state, now } = context
  const user = findUser(state, field(context, 'username'))
  if (!user) return fail('22002')
  const type = factorType(context)
  if (type === null) return fail('10002')
  if (type === 'mobile') {
    const pending = pendingActivation(state, user.username, now)
    if (!user.device && !pending) return fail('36000')
    delete user.device
    for (const activation of Object.values(state.activations)) {
      if (activation.username === user.username && activation.state === 'pending') {
        activation.state = 'void'
      }
    }
    return ok()
  }
  if (type === 'sms') {
    if (user.phone === undefined) return fail('29001')
    delete user.phone
    return ok()
  }
  if (type === 'token') {
    if (!hasToken(state, user)) return fail('29001')
    // The hardware token goes back to stock (unbound), as after a real unregistration.
    for (const token of userTokens(state, user.username)) delete token.owner
    delete user.softToken
    return ok()
  }
  // API.md 5.20: 26001 = certificate not found.
  return fail('26001')
}

export const getTokenStatus: Handler = (context) => {
  const { state, now } = context
  const user = findUser(state, field(context, 'username'))
  if (!user) return fail('22002')
  const type = factorType(context)
  if (type === null) return fail('10002')
  // "" none, "1" pending, "2" valid (API.md 2.20); the object is the bare value.
  if (type === 'mobile') {
    if (user.device) return ok('2')
    return ok(pendingActivation(state, user.username, now)?.status ?? '')
  }
  if (type === 'sms') return ok(user.phone === undefined ? '' : '2')
  if (type === 'token') return ok(hasToken(state, user) ? '2' : '')
  return ok('')
}
