/**
 * Challenge-response OTP: `req/requestOtpChallenge` (API.md 2.6), `auth/authCrOtp` (2.7),
 * `req/requestTransactionSigningChallenge` (2.15), `trans/authTransactionSigningCrOtp` (2.16).
 *
 * The challenge is 8 random digits; the expected answer is OCRA (RFC 6287) of the challenge with
 * the answering token's seed (a hardware token's own suite, or the mobile app's). Single use,
 * `otpLifetimeSeconds`, `maxWrongPerCode` wrong answers void it.
 */
import { timingSafeEqualText } from '@centagate-kit/protocol/signing'
import { respondToChallenge } from '../otp/responders'
import { randomDigits } from '../random'
import { userTokens } from '../state/factors'
import { recordFailure, recordSuccess } from '../state/lockout'
import type { ChallengeState, Purpose, Responder, UserState } from '../state/state-schema'
import { type CallContext, type Handler, type Outcome, fail, field, ok } from './context'
import { completeLoginFactor, issuedForLogin } from './login-factor'
import { authoriseTransaction, isAuthorised } from './transaction-authorisations'
import { activeUser, requestSession } from './user-checks'

const challengeKey = (username: string, challenge: string) => `${username}\u0000${challenge}`

/**
 * Which device answers: `tokenId` names a hardware token; `devAccId` a token's or the mobile
 * device's account; otherwise `otpType` "online" prefers the app and anything else the hardware
 * token (API.md 2.6: online = app, offline = hardware).
 */
function chooseResponder(context: CallContext, user: UserState): Responder | Outcome {
  const tokens = userTokens(context.state, user.username).filter((token) => token.kind === 'cr')
  const tokenId = field(context, 'tokenId')
  const devAccId = field(context, 'devAccId')
  if (tokenId !== '') {
    const token = tokens.find((candidate) => candidate.serial === tokenId)
    return token ? { kind: 'token', serial: token.serial } : fail('29003')
  }
  if (devAccId !== '') {
    const token = tokens.find((candidate) => candidate.accountId === devAccId)
    if (token) return { kind: 'token', serial: token.serial }
    if (user.device?.accountId === devAccId) return { kind: 'device', accountId: devAccId }
    return fail('36000')
  }
  const online = field(context, 'otpType').toLowerCase() === 'online'
  const token = tokens[0]
  if (user.device && (online || !token)) return { kind: 'device', accountId: user.device.accountId }
  if (token) return { kind: 'token', serial: token.serial }
  return fail('23017')
}

function issueChallenge(
  context: CallContext,
  user: UserState,
  responder: Responder,
  purpose: Purpose,
): Outcome {
  let challenge = randomDigits(8)
  while (Object.hasOwn(context.state.challenges, challengeKey(user.username, challenge))) {
    challenge = randomDigits(8)
  }
  context.state.challenges[challengeKey(user.username, challenge)] = {
    challenge,
    username: user.username,
    responder,
    purpose,
    issuedAt: context.now,
    expiresAt: context.now + context.settings.otpLifetimeSeconds * 1000,
    wrongAttempts: 0,
    status: 'active',
  }
  return ok({ otpChallenge: challenge })
}

/** Verifies an answer; 23016 for an unknown, used, void or expired challenge; 23001 when wrong. */
async function checkAnswer(
  context: CallContext,
  user: UserState,
  challenge: string,
  answer: string,
  bound: (record: ChallengeState) => boolean,
): Promise<{ ok: true; record: ChallengeState } | { ok: false; outcome: Outcome }> {
  const { state, settings, now } = context
  const key = challengeKey(user.username, challenge)
  const record = Object.hasOwn(state.challenges, key) ? state.challenges[key] : undefined
  if (!record || record.status !== 'active' || record.expiresAt <= now) {
    return { ok: false, outcome: fail('23016') }
  }
  const expected = await respondToChallenge(state, record.responder, record.challenge)
  const right = timingSafeEqualText(expected, answer)
  const matches = bound(record)
  if (!right || !matches) {
    record.wrongAttempts += 1
    if (record.wrongAttempts >= settings.maxWrongPerCode) record.status = 'void'
    recordFailure(state, user.username, now, settings)
    return { ok: false, outcome: fail('23001') }
  }
  record.status = 'used'
  recordSuccess(state, user.username)
  return { ok: true, record }
}

export const requestOtpChallenge: Handler = (context) => {
  const checked = activeUser(context)
  if (!checked.ok) return checked.outcome
  const responder = chooseResponder(context, checked.value)
  if ('code' in responder) return responder
  const session = requestSession(context, checked.value, 'create')
  if (!session.ok) return session.outcome
  const sessionId = session.value?.id ?? ''
  return issueChallenge(context, checked.value, responder, { kind: 'login', sessionId })
}

export const authCrOtp: Handler = async (context) => {
  const checked = activeUser(context)
  if (!checked.ok) return checked.outcome
  const user = checked.value
  const session = requestSession(context, user, 'none')
  if (!session.ok) return session.outcome
  const result = await checkAnswer(
    context,
    user,
    field(context, 'challenge'),
    field(context, 'crOtp'),
    (record) => issuedForLogin(session.value, record.purpose),
  )
  if (!result.ok) return result.outcome
  return completeLoginFactor(context, result.record.purpose, 'CROTP')
}

export const requestTransactionSigningChallenge: Handler = (context) => {
  const checked = activeUser(context)
  if (!checked.ok) return checked.outcome
  const user = checked.value
  const session = requestSession(context, user, 'none')
  if (!session.ok) return session.outcome
  const transactionId = field(context, 'transactionId')
  if (isAuthorised(context, user.username, transactionId)) return fail('23018')
  const responder = chooseResponder(context, user)
  if ('code' in responder) return responder
  return issueChallenge(context, user, responder, {
    kind: 'transaction',
    sessionId: session.value?.id ?? null,
    transactionId,
    details: field(context, 'details'),
  })
}

export const authTransactionSigningCrOtp: Handler = async (context) => {
  const checked = activeUser(context)
  if (!checked.ok) return checked.outcome
  const user = checked.value
  const session = requestSession(context, user, 'none')
  if (!session.ok) return session.outcome
  const transactionId = field(context, 'transactionId')
  const details = field(context, 'details')
  if (isAuthorised(context, user.username, transactionId)) return fail('23018')
  const result = await checkAnswer(
    context,
    user,
    field(context, 'challenge'),
    field(context, 'otp'),
    (record) =>
      record.purpose.kind === 'transaction' &&
      record.purpose.transactionId === transactionId &&
      record.purpose.details === details,
  )
  if (!result.ok) return result.outcome
  return authoriseTransaction(context, user.username, transactionId, session.value)
}
