/**
 * The spec of QR transaction signing: the CENTAGATE app scans the QR and the user approves there
 * (the machine polls `qr/status`), or types the OTP the app shows (`QR.VERIFY`, or `CODE.SUBMIT`).
 *
 *   CODE.SEND → sending → awaiting-approval (polling; a new QR any time: the server rate-limits)
 *   poll → approved | denied (declined in the app) | expired (the QR's expiry, server clock)
 *   QR.VERIFY → verifying → approved | awaiting-approval (wrong OTP, polling resumes) | …
 */
import type { TransitionTable } from '../../machine/machine-types'
import { cancel, storeSent } from '../method-actions'
import {
  accepted,
  failure,
  refuseExpired,
  retry,
  send,
  sendFailed,
  sendWhenChallengeLocked,
  submit,
  verifyFailed,
} from '../method-transitions'
import type { MethodContext, MethodEnv, MethodMachineEvent } from '../method-types'
import { clearError, startPolling } from './qr-actions'
import { isPollStatus } from './qr-guards'

/** The states of QR signing: the QR signing widget's `data-state`. */
export type QrState =
  | 'idle'
  | 'sending'
  | 'awaiting-approval'
  | 'verifying'
  | 'approved'
  | 'denied'
  | 'expired'
  | 'locked'
  | 'error'

export const qrTransitions: TransitionTable<QrState, MethodMachineEvent, MethodContext, MethodEnv> =
  {
    idle: { 'CODE.SEND': send },
    sending: {
      // CODE.SEND while sending: ignored (a double click shows one QR).
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
      'QR.VERIFY': submit,
      'CODE.SUBMIT': submit,
      'CODE.SEND': send,
    },
    verifying: {
      'VERIFY.DONE': accepted,
      'VERIFY.FAILED': verifyFailed('awaiting-approval', startPolling),
    },
    approved: {},
    denied: { 'CODE.SEND': send },
    expired: { 'CODE.SEND': send, 'QR.VERIFY': refuseExpired, 'CODE.SUBMIT': refuseExpired },
    locked: { 'CODE.SEND': sendWhenChallengeLocked },
    error: { RETRY: retry, 'CODE.SEND': send, 'QR.VERIFY': submit, 'CODE.SUBMIT': submit },
  }
