/**
 * The CENTAGATE app's push inbox (device simulator): the pending pushes of a user with the
 * details they show, and the user's decision, which `session/statecheck` (PUSH) then reports.
 *
 * - `GET app/pushes?username=`: `{pushes: [{requestId, username, accountId, details, issuedAt,
 *   expiresAt}]}`, pending and unexpired, newest first.
 * - `POST app/pushes/decision` `{username, decision: "approve" | "reject", requestId?}`: decides
 *   the given push, or the user's newest pending one; 404 `no_pending_push` when there is none.
 */
import { z } from 'zod'
import { jsonReply } from '../reply'
import type { PushRequestState } from '../state/state-schema'
import { type ControlRoutes, controlError, isReply, readJson } from './control-body'

const decisionBody = z.strictObject({
  username: z.string().min(1),
  decision: z.enum(['approve', 'reject']),
  requestId: z.string().min(1).optional(),
})

const describePush = (push: PushRequestState) => ({
  requestId: push.requestId,
  username: push.username,
  accountId: push.accountId,
  details: push.details,
  issuedAt: push.issuedAt,
  expiresAt: push.expiresAt,
})

export const pushRoutes: ControlRoutes = ({ method, path, url, input, state, now }) => {
  const pending = (username: string | null) =>
    Object.values(state.pushRequests)
      .filter(
        (push) =>
          (username === null || push.username === username) &&
          push.status === 'pending' &&
          push.expiresAt > now,
      )
      .sort((a, b) => b.issuedAt - a.issuedAt)

  if (method === 'GET' && path === 'app/pushes') {
    return jsonReply({ pushes: pending(url.searchParams.get('username')).map(describePush) })
  }
  if (method === 'POST' && path === 'app/pushes/decision') {
    const body = readJson(input, decisionBody)
    if (isReply(body)) return body
    const push = pending(body.username).find(
      (candidate) => body.requestId === undefined || candidate.requestId === body.requestId,
    )
    if (!push) return controlError(404, 'no_pending_push', 'no such pending push for that user')
    push.status = body.decision === 'approve' ? 'approved' : 'rejected'
    return jsonReply({ requestId: push.requestId, status: push.status })
  }
  return null
}
