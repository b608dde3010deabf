/**
 * `auth/authOtp` (API.md 2.5): a time-based OTP (RFC 6238, 30 s, 6 digits) from the CENTAGATE
 * app on the user's mobile device, an offline OTP token provisioned by `token/register/otp/offline`
 * (an authenticator app holding the key the emulator generated) or a TOTP hardware token. Steps
 * t and t-1 are accepted and each step only once per token (replays fail).
 *
 * Which generators may answer: `tokenId` or `devAccId` name one; otherwise `otpType` "online"
 * means the app, "offline" the offline/hardware tokens (API.md 2.6), and no otpType any of them.
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
  readonly online: boolean
}

function chooseSoftTokens(context: CallContext, user: UserState): SoftToken[] | string {
  const totpTokens = userTokens(context.state, user.username).filter((t) => t.kind === 'totp')
  const candidates: SoftToken[] = [
    ...(user.device
      ? [{ id: user.device.accountId, secret: user.device.totpSecret, online: true }]
      : []),
    ...(user.softToken
      ? [{ id: user.softToken.serial, secret: user.softToken.secret, online: false }]
      : []),
    ...totpTokens.map((token) => ({ id: token.serial, secret: token.seed, online: false })),
  ]
  const wanted = field(context, 'tokenId') || field(context, 'devAccId')
  if (wanted !== '') {
    const accountMatch = totpTokens.find((token) => token.accountId === wanted)
    const id = accountMatch ? accountMatch.serial : wanted
    const named = candidates.find((candidate) => candidate.id === id)
    return named ? [named] : '36000'
  }
  const otpType = field(context, 'otpType').toLowerCase()
  const selected =
    otpType === 'online' || otpType === 'offline'
      ? candidates.filter((candidate) => candidate.online === (otpType === 'online'))
      : candidates
  return selected.length > 0 ? selected : '23017'
}

export const authOtp: Handler = (context) => {
  const checked = activeUser(context)
  if (!checked.ok) return checked.outcome
  const user = checked.value
  const tokens = chooseSoftTokens(context, user)
  if (typeof tokens === 'string') return fail(tokens)
  const session = requestSession(context, user, 'none')
  if (!session.ok) return session.outcome
  const { state, settings, now } = context
  const otp = field(context, 'otp')
  let matched: { id: string; step: number } | null = null
  // Every candidate is checked, so the timing does not tell which generator matched.
  for (const token of tokens) {
    const step = matchTotpStep({ secret: token.secret }, otp, now)
    const last = state.totpLastStep[token.id]
    if (matched === null && step !== null && (last === undefined || step > last)) {
      matched = { id: token.id, step }
    }
  }
  if (matched === null) {
    recordFailure(state, user.username, now, settings)
    return fail('23001')
  }
  state.totpLastStep[matched.id] = matched.step
  recordSuccess(state, user.username)
  const login = session.value ?? createSession(state, user, now, settings, false)
  completeFactor(state, login, 'OTP', now)
  return ok(authResultObject(state, login, settings))
}
