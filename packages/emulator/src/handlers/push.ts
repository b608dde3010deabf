/**
 * Push approval: `req/requestMobilePushCR` (API.md 2.12) sends a push with the request's details
 * to the user's CENTAGATE app; the app approves or rejects it (control API `app/pushes/decision`);
 * `session/statecheck` with authMethod `PUSH` (or `CROTP`, API.md 2.12) polls it: 23007 pending,
 * 0 approved (the login completes), 23026 rejected, 23016 expired.
 */
import { randomHex32 } from '../random'
import { recordSuccess } from '../state/lockout'
import { authResultObject, completeFactor, rotateAuthToken } from '../state/sessions'
import type { PushRequestState, SessionState } from '../state/state-schema'
import { type CallContext, type Handler, type Outcome, fail, field, ok } from './context'
import { displayText } from './display-text'
import { appRequest } from './user-checks'

export const requestMobilePushCR: Handler = (context) => {
  const checked = appRequest(context)
  if (!checked.ok) return checked.outcome
  const { user, device, session } = checked.value
  const { state, settings, now } = context
  // Like requestQrCode, the push gets its own token (API.md 2.12: object `authToken`).
  const authToken = rotateAuthToken(state, session, now)
  const push: PushRequestState = {
    requestId: randomHex32(),
    username: user.username,
    accountId: device.accountId,
    details: displayText(field(context, 'details')),
    sessionId: session.id,
    issuedAt: now,
    expiresAt: now + settings.otpLifetimeSeconds * 1000,
    status: 'pending',
  }
  state.pushRequests[push.requestId] = push
  return ok({ authToken })
}

/** `session/statecheck` for PUSH: the session's newest push. */
export function pushStatecheck(context: CallContext, session: SessionState): Outcome {
  const { state, settings, now } = context
  const push = Object.values(state.pushRequests)
    .filter((candidate) => candidate.sessionId === session.id)
    .sort((a, b) => b.issuedAt - a.issuedAt)[0]
  if (!push) return fail('23016')
  if (push.status === 'rejected') return fail('23026')
  if (push.expiresAt <= now || push.status === 'used') return fail('23016')
  if (push.status === 'pending') return fail('23007')
  push.status = 'used'
  recordSuccess(state, session.username)
  completeFactor(state, session, 'PUSH', now)
  return ok(authResultObject(state, session, settings))
}
