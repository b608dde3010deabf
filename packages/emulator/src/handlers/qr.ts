/**
 * QR: `req/requestQrCode` (API.md 2.8), `auth/authQrCode` / `auth/authQRCode` (2.9, 2.10; both
 * spellings for both flows, the transaction flow marked by `isTransaction: "1"`) and its
 * `session/statecheck` answer (2.11; the endpoint itself is ./statecheck.ts).
 *
 * The QR carries the request id, the challenge, the device account and the details; the app's OTP
 * is OCRA over SHA-256(challenge | plainText), so it is valid for exactly the details shown.
 */
import { timingSafeEqualText } from '@centagate-kit/protocol/signing'
import { base64DecodeText } from '../encoding'
import { encodeQrCode, qrOtp } from '../otp/responders'
import { randomDigits, randomHex32 } from '../random'
import { recordFailure, recordSuccess } from '../state/lockout'
import { authResultObject, completeFactor, rotateAuthToken } from '../state/sessions'
import type { QrRequestState, SessionState } from '../state/state-schema'
import { type CallContext, type Handler, type Outcome, fail, field, ok } from './context'
import { displayText } from './display-text'
import { authoriseTransaction, isAuthorised } from './transaction-authorisations'
import { activeUser, appRequest, requestSession } from './user-checks'

export const requestQrCode: Handler = (context) => {
  const checked = appRequest(context)
  if (!checked.ok) return checked.outcome
  const { user, device, session } = checked.value
  const { state, settings, now } = context
  // The QR request gets its own token (API.md 2.8): statecheck and authQrCode use it.
  const authToken = rotateAuthToken(state, session, now)
  const requestId = randomHex32()
  const details = displayText(field(context, 'details'))
  const request: QrRequestState = {
    requestId,
    username: user.username,
    accountId: device.accountId,
    otpChallenge: randomDigits(8),
    details,
    plainText: `${device.accountId}|${requestId}|${details}`,
    sessionId: session.id,
    issuedAt: now,
    expiresAt: now + settings.otpLifetimeSeconds * 1000,
    wrongAttempts: 0,
    status: 'pending',
  }
  state.qrRequests[requestId] = request
  return ok({
    qrCode: encodeQrCode(request),
    otpChallenge: request.otpChallenge,
    plainText: request.plainText,
    authToken,
  })
}

/** The user's newest QR request with `otpChallenge`. */
function findQrRequest(context: CallContext, username: string, challenge: string) {
  return Object.values(context.state.qrRequests)
    .filter((request) => request.username === username && request.otpChallenge === challenge)
    .sort((a, b) => b.issuedAt - a.issuedAt)[0]
}

/** Handles both spellings; `isTransaction: "1"` selects the transaction flow (API.md 2.10). */
export const authQrCode: Handler = async (context) => {
  const checked = activeUser(context)
  if (!checked.ok) return checked.outcome
  const user = checked.value
  const session = requestSession(context, user, 'none')
  if (!session.ok) return session.outcome
  const { state, settings, now } = context
  const request = findQrRequest(context, user.username, field(context, 'challenge'))
  if (
    !request ||
    (session.value !== null && request.sessionId !== session.value.id) ||
    request.expiresAt <= now
  ) {
    return fail('23016')
  }
  if (request.status === 'rejected') return fail('23026')
  if (request.status !== 'pending' && request.status !== 'approved') return fail('23016')
  const devAccId = field(context, 'devAccId')
  if (devAccId !== '' && devAccId !== request.accountId) return fail('36000')
  const device = user.device
  if (!device) return fail('23013')
  // details: Base64 of plainText (API.md 5.18) or, accepted too, the raw plainText.
  const sent = field(context, 'details')
  const decoded = base64DecodeText(sent)
  const plainText = decoded !== null && decoded.includes('|') ? decoded : sent
  const expected = await qrOtp(device.ocraSeed, request.otpChallenge, plainText)
  const right = timingSafeEqualText(expected, field(context, 'otp'))
  const sameDetails = timingSafeEqualText(plainText, request.plainText)
  if (!right || !sameDetails) {
    request.wrongAttempts += 1
    if (request.wrongAttempts >= settings.maxWrongPerCode) request.status = 'void'
    recordFailure(state, user.username, now, settings)
    return fail('23001')
  }
  recordSuccess(state, user.username)
  request.status = 'used'
  const login = state.sessions[request.sessionId]
  if (field(context, 'isTransaction') === '1') {
    if (isAuthorised(context, user.username, request.requestId)) return fail('23018')
    return authoriseTransaction(context, user.username, request.requestId, session.value)
  }
  if (!login || login.expiresAt <= now) return fail('23016')
  completeFactor(state, login, 'QRCODE', now)
  return ok(authResultObject(state, login, settings))
}

/**
 * `session/statecheck` for QRCODE (the session's newest QR request): 23007 pending, 0 approved
 * (the login completes), 23026 rejected, 23016 expired or unknown.
 */
export function qrStatecheck(context: CallContext, session: SessionState): Outcome {
  const { state, settings, now } = context
  const request = Object.values(state.qrRequests)
    .filter((candidate) => candidate.sessionId === session.id)
    .sort((a, b) => b.issuedAt - a.issuedAt)[0]
  if (!request) return fail('23016')
  if (request.status === 'rejected') return fail('23026')
  if (request.status === 'pending') return request.expiresAt <= now ? fail('23016') : fail('23007')
  if (request.status !== 'approved' || request.expiresAt <= now) return fail('23016')
  request.status = 'used'
  recordSuccess(state, session.username)
  completeFactor(state, session, 'QRCODE', now)
  return ok(authResultObject(state, session, settings))
}
