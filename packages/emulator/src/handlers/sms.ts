/**
 * SMS OTP: `req/requestSmsOtp` (API.md 2.3), `auth/authSmsOtp` (2.4), and the transaction variants
 * `req/requestSmsTransOtp` (2.13) and `trans/authoriseSmsTrans/{username}` (2.14).
 *
 * One active code per user: random 6 digits, bound to the session (or transaction), valid
 * `otpLifetimeSeconds`, single use; `maxWrongPerCode` wrong tries void it (then 23009 until a new
 * code is requested); a resend voids the old code and never resets the failure count.
 */
import { timingSafeEqualText } from '@centagate-kit/protocol/signing'
import { randomDigits, randomHex32 } from '../random'
import { recordFailure, recordSuccess } from '../state/lockout'
import type { Purpose, SessionState, SmsCodeState, UserState } from '../state/state-schema'
import { type CallContext, type Handler, type Outcome, fail, field, ok } from './context'
import { displayText } from './display-text'
import { completeLoginFactor, issuedForLogin } from './login-factor'
import { authoriseTransaction, isAuthorised } from './transaction-authorisations'
import { activeUser, requestSession } from './user-checks'

/** Sends a new code unless the cooldown or the hourly cap forbids it (23002 with phone/timeout). */
function sendSms(context: CallContext, user: UserState, purpose: Purpose): Outcome {
  const { state, settings, now } = context
  const phone = user.phone
  if (!phone) return fail('22005')
  const timeout = String(settings.otpLifetimeSeconds)
  const hourAgo = now - 3_600_000
  const sends = (state.smsSends[user.username] ?? []).filter((time) => time > hourAgo)
  const last = sends.at(-1)
  if (
    (last !== undefined && now - last < settings.smsCooldownSeconds * 1000) ||
    sends.length >= settings.smsMaxPerHour
  ) {
    // API.md 1.3: the 23002 answer still carries phone/timeout.
    return fail('23002', { phone, timeout })
  }
  const code = randomDigits(6)
  state.sms[user.username] = {
    code,
    purpose,
    issuedAt: now,
    expiresAt: now + settings.otpLifetimeSeconds * 1000,
    wrongAttempts: 0,
    status: 'active',
  }
  state.smsSends[user.username] = [...sends, now]
  const minutes = Math.round(settings.otpLifetimeSeconds / 60)
  const text =
    purpose.kind === 'login'
      ? `CENTAGATE: your login code is ${code}. It expires in ${minutes} minutes. Never share it.`
      : `CENTAGATE: code ${code} authorises "${displayText(purpose.details)}". It expires in ${minutes} minutes.`
  state.outbox.push({
    id: randomHex32(),
    username: user.username,
    phone,
    text,
    code,
    kind: purpose.kind,
    ...(purpose.kind === 'transaction' ? { transactionId: purpose.transactionId } : {}),
    sentAt: now,
  })
  return ok({ phone, timeout })
}

/** Checks `otp` against the user's active code for `matches`; counts failures. */
function checkSmsCode(
  context: CallContext,
  user: UserState,
  otp: string,
  matches: (code: SmsCodeState) => boolean,
): { ok: true; code: SmsCodeState } | { ok: false; outcome: Outcome } {
  const { state, settings, now } = context
  const code = state.sms[user.username]
  if (!code) return { ok: false, outcome: fail('23010') }
  if (code.status === 'void' || code.expiresAt <= now) return { ok: false, outcome: fail('23009') }
  // Both comparisons always run, so timing does not tell which one failed.
  const right = timingSafeEqualText(code.code, otp)
  const bound = matches(code)
  if (!right || !bound) {
    code.wrongAttempts += 1
    if (code.wrongAttempts >= settings.maxWrongPerCode) code.status = 'void'
    recordFailure(state, user.username, now, settings)
    return { ok: false, outcome: fail('23008') }
  }
  delete state.sms[user.username]
  recordSuccess(state, user.username)
  return { ok: true, code }
}

export const requestSmsOtp: Handler = (context) => {
  const checked = activeUser(context)
  if (!checked.ok) return checked.outcome
  const session = requestSession(context, checked.value, 'create')
  if (!session.ok) return session.outcome
  const current = session.value as SessionState
  return sendSms(context, checked.value, { kind: 'login', sessionId: current.id })
}

export const authSmsOtp: Handler = (context) => {
  const checked = activeUser(context)
  if (!checked.ok) return checked.outcome
  const user = checked.value
  const session = requestSession(context, user, 'none')
  if (!session.ok) return session.outcome
  const result = checkSmsCode(context, user, field(context, 'smsOtp'), (code) =>
    issuedForLogin(session.value, code.purpose),
  )
  if (!result.ok) return result.outcome
  return completeLoginFactor(context, result.code.purpose, 'SMS')
}

export const requestSmsTransOtp: Handler = (context) => {
  const checked = activeUser(context)
  if (!checked.ok) return checked.outcome
  const user = checked.value
  const session = requestSession(context, user, 'none')
  if (!session.ok) return session.outcome
  const transactionId = field(context, 'transactionId')
  if (isAuthorised(context, user.username, transactionId)) return fail('23018')
  return sendSms(context, user, {
    kind: 'transaction',
    sessionId: session.value?.id ?? null,
    transactionId,
    details: field(context, 'details'),
  })
}

export const authoriseSmsTrans: Handler = (context) => {
  if (context.pathParams.username !== field(context, 'username')) return fail('10002')
  const checked = activeUser(context)
  if (!checked.ok) return checked.outcome
  const user = checked.value
  const session = requestSession(context, user, 'none')
  if (!session.ok) return session.outcome
  const transactionId = field(context, 'transactionId')
  const details = field(context, 'details')
  if (isAuthorised(context, user.username, transactionId)) return fail('23018')
  const result = checkSmsCode(
    context,
    user,
    field(context, 'smsOtp'),
    (code) =>
      code.purpose.kind === 'transaction' &&
      code.purpose.transactionId === transactionId &&
      code.purpose.details === details,
  )
  if (!result.ok) return result.outcome
  return authoriseTransaction(context, user.username, transactionId, session.value)
}
