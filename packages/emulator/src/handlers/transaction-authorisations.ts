/**
 * Transactions a user has authorised: a transaction id is authorised once, whichever method
 * (SMS, challenge-response, QR) signed it.
 */
import { authResultObject, rotateAuthToken } from '../state/sessions'
import type { SessionState } from '../state/state-schema'
import { type CallContext, type Outcome, ok } from './context'

function transactionKey(username: string, transactionId: string): string {
  return `${username}\u0000${transactionId}`
}

/** Marks a transaction authorised and builds the success object (rotated token when in a session). */
export function authoriseTransaction(
  context: CallContext,
  username: string,
  transactionId: string,
  session: SessionState | null,
): Outcome {
  context.state.authorisedTransactions[transactionKey(username, transactionId)] = context.now
  if (!session) return ok({ transactionId, status: 'approved' })
  rotateAuthToken(context.state, session, context.now)
  return ok({
    ...authResultObject(context.state, session, context.settings),
    transactionId,
    status: 'approved',
  })
}

export function isAuthorised(
  context: CallContext,
  username: string,
  transactionId: string,
): boolean {
  return Object.hasOwn(
    context.state.authorisedTransactions,
    transactionKey(username, transactionId),
  )
}
