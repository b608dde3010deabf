/**
 * `auth/authOtp` (API.md 2.5): a time-based OTP from the mobile app's soft token, an offline soft
 * token (`token/register/otp/offline`) or a TOTP hardware token. Steps t and t-1 are accepted and
 * each step only once (replays fail).
 */
import { matchTotpStep } from '../otp/totp'
import { userTokens } from '../state/factors'
import { recordFailure, recordSuccess } from '../state/lockout'
import { authResultObject, completeFactor, createSession } from '../state/sessions'
import type { UserState } from '../state/state-schema'
import { type CallContext, type Handler, fail, field, ok } from './context'
import { activeUser, requestSession } from './user-checks'

interface SoftToken {
  /** Key of the last-used step. */
  readonly id: string
  readonly secret: string
}

function chooseSoftToken(context: CallContext, user: UserState): SoftToken | string {
  const totpTokens = userTokens(context.state, user.username).filter((t) => t.kind === 'totp')
  const candidates: SoftToken[] = [
    ...(user.device ? [{ id: user.device.accountId, secret: user.device.totpSecret }] : []),
    ...(user.softToken ? [{ id: user.softToken.serial, secret: user.softToken.secret }] : []),
    ...totpTokens.map((token) => ({ id: token.serial, secret: token.seed })),
  ]
  const wanted = field(context, 'tokenId') || field(context, 'devAccId')
  if (wanted !== '') {
    const accountMatch = totpTokens.find((token) => token.accountId === wanted)
    const id = accountMatch ? accountMatch.serial : wanted
    return candidates.find((candidate) => candidate.id === id) ?? '36000'
  }
  return candidates[0] ?? '23017'
}

export const authOtp: Handler = (context) => {
  const checked = activeUser(context)
  if (!checked.ok) return checked.outcome
  const user = checked.value
  const token = chooseSoftToken(context, user)
  if (typeof token === 'string') return fail(token)
  const session = requestSession(context, user, 'none')
  if (!session.ok) return session.outcome
  const { state, settings, now } = context
  const step = matchTotpStep({ secret: token.secret }, field(context, 'otp'), now)
  const last = state.totpLastStep[token.id]
  if (step === null || (last !== undefined && step <= last)) {
    recordFailure(state, user.username, now, settings)
    return fail('23001')
  }
  state.totpLastStep[token.id] = step
  recordSuccess(state, user.username)
  const login = session.value ?? createSession(state, user, now, settings, false)
  completeFactor(state, login, 'OTP', now)
  return ok(authResultObject(state, login, settings))
}
