import type { StepUpEvent, StepUpSnapshot, StepUpState } from '@centagate-kit/client'
import type { ChallengeResponseController } from '../challenge-response/challenge-response-controller'
import type { QrSigningController } from '../qr-signing/qr-signing-controller'
import type { SmsOtpController } from '../sms-otp/sms-otp-controller'

type Send = (event: StepUpEvent) => void

/**
 * A method view's status for the machine's state: from `map`, else `error` when there is one,
 * else `idle`. A challenge lock (too many wrong codes for this code) is recoverable with a new
 * code, so the views treat it as an error with "send a new code"; only a user lock is `locked`.
 */
function statusFrom<S extends string>(
  snapshot: StepUpSnapshot,
  map: Partial<Record<StepUpState, S>>,
): S | 'locked' | 'error' | 'idle' {
  if (snapshot.state === 'locked') return snapshot.lockScope === 'challenge' ? 'error' : 'locked'
  return map[snapshot.state] ?? (snapshot.error ? 'error' : 'idle')
}

/** What every method view's controller reads and does alike. */
function commonFrom(snapshot: StepUpSnapshot, send: Send) {
  return {
    error: snapshot.error,
    attemptsLeft: snapshot.attemptsLeft,
    lockedUntil: snapshot.lockedUntil,
    result: snapshot.result,
    send: () => send({ type: 'CODE.SEND' }),
  }
}

/** The SMS view's controller, read from the step-up machine's snapshot. */
export function smsControllerFrom(snapshot: StepUpSnapshot, send: Send): SmsOtpController {
  return {
    ...commonFrom(snapshot, send),
    status: statusFrom(snapshot, {
      sending: 'sending',
      'awaiting-otp': 'sent',
      verifying: 'verifying',
      approved: 'verified',
    }),
    sent: snapshot.sms,
    maskedPhone: snapshot.methods.find((option) => option.method === 'sms')?.hint,
    verify: (code) => send({ type: 'CODE.SUBMIT', code }),
  }
}

/** The challenge-response view's controller, read from the step-up machine's snapshot. */
export function challengeControllerFrom(
  snapshot: StepUpSnapshot,
  send: Send,
): ChallengeResponseController {
  return {
    ...commonFrom(snapshot, send),
    status: statusFrom(snapshot, {
      sending: 'sending',
      'awaiting-otp': 'awaiting-response',
      verifying: 'verifying',
      approved: 'verified',
    }),
    challenge: snapshot.challenge,
    verify: (response) => send({ type: 'CODE.SUBMIT', code: response }),
  }
}

/** The QR signing view's controller, read from the step-up machine's snapshot. */
export function qrControllerFrom(snapshot: StepUpSnapshot, send: Send): QrSigningController {
  return {
    ...commonFrom(snapshot, send),
    status: statusFrom(snapshot, {
      sending: 'sending',
      'awaiting-approval': 'waiting',
      verifying: 'verifying',
      approved: 'approved',
      denied: 'rejected',
      expired: 'expired',
      error: 'error',
    }),
    qr: snapshot.qr,
    transaction: snapshot.qr?.transaction ?? snapshot.transaction,
    verifyOtp: (otp) => send({ type: 'QR.VERIFY', otp }),
  }
}
