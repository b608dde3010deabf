/**
 * The spec of push approval: the CENTAGATE app shows the request's details and the user approves
 * or rejects there; the machine polls `push/status` (the QR poller: backoff, paused while hidden,
 * `Retry-After`). Nothing is typed.
 *
 *   CODE.SEND → sending → awaiting-approval (polling; a new push any time: the server rate-limits)
 *   poll → approved | denied (rejected in the app) | expired (no answer in time: send a new push)
 */
import type { TransitionTable } from '../../machine/machine-types'
import { cancel, storeSent } from '../method-actions'
import { accepted, failure, send, sendFailed, sendWhenChallengeLocked } from '../method-transitions'
import type { MethodContext, MethodEnv, MethodMachineEvent } from '../method-types'
import { clearError, startPolling } from '../qr/qr-actions'
import { isPollStatus } from '../qr/qr-guards'

/** The states of push approval: the push widget's `data-state`. */
export type PushState =
  'idle' | 'sending' | 'awaiting-approval' | 'approved' | 'denied' | 'expired' | 'locked' | 'error'

export const pushTransitions: TransitionTable<
  PushState,
  MethodMachineEvent,
  MethodContext,
  MethodEnv
> = {
  idle: { 'CODE.SEND': send },
  sending: {
    // CODE.SEND while sending: ignored (a double click sends one push).
    'SEND.DONE': [{ target: 'awaiting-approval', actions: [storeSent, startPolling] }],
    'SEND.FAILED': sendFailed('awaiting-approval', startPolling),
  },
  'awaiting-approval': {
    'POLL.DONE': [
      { guard: isPollStatus('rejected'), target: 'denied', actions: [cancel] },
      { guard: isPollStatus('expired'), target: 'expired', actions: [cancel, clearError] },
      ...accepted,
    ],
    'POLL.FAILED': failure,
    'CODE.SEND': send,
  },
  approved: {},
  denied: { 'CODE.SEND': send },
  expired: { 'CODE.SEND': send },
  locked: { 'CODE.SEND': sendWhenChallengeLocked },
  // Nothing to repeat but the send (a failed poll leaves a push that may still be approved: a
  // new push replaces it).
  error: { RETRY: send, 'CODE.SEND': send },
}
