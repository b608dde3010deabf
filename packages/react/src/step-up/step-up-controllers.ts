import type { StepUpEvent, StepUpSnapshot } from '@centagate-kit/client'
import type { ChallengeResponseController } from '../challenge-response/challenge-response-controller'
import type { QrSigningController } from '../qr-signing/qr-signing-controller'
import type { SmsOtpController } from '../sms-otp/sms-otp-controller'

type Send = (event: StepUpEvent) => void

/**
 * A challenge lock (too many wrong codes for this code) is recoverable with a new code, so the
 * method views treat it as an error with "send a new code"; only a user lock is `locked`.
 */
function lockedStatus<T extends string>(snapshot: StepUpSnapshot, locked: T): T | 'error' {
  return snapshot.lockScope === 'challenge' ? 'error' : locked
}

/** The SMS view's controller, read from the step-up machine's snapshot. */
export function smsControllerFrom(snapshot: StepUpSnapshot, send: Send): SmsOtpController {
  const map: Partial<Record<StepUpSnapshot['state'], SmsOtpController['status']>> = {
    sending: 'sending',
    'awaiting-otp': 'sent',
    verifying: 'verifying',
    approved: 'verified',
    locked: 'locked',
  }
  if (snapshot.state === 'locked') map.locked = lockedStatus(snapshot, 'locked')
  return {
    status: map[snapshot.state] ?? (snapshot.error ? 'error' : 'idle'),
    sent: snapshot.sms,
    maskedPhone: snapshot.methods.find((option) => option.method === 'sms')?.hint,
    error: snapshot.error,
    attemptsLeft: snapshot.attemptsLeft,
    lockedUntil: snapshot.lockedUntil,
    result: snapshot.result,
    send: () => send({ type: 'CODE.SEND' }),
    verify: (code) => send({ type: 'CODE.SUBMIT', code }),
  }
}

export function challengeControllerFrom(
  snapshot: StepUpSnapshot,
  send: Send,
): ChallengeResponseController {
  const map: Partial<Record<StepUpSnapshot['state'], ChallengeResponseController['status']>> = {
    sending: 'sending',
    'awaiting-otp': 'awaiting-response',
    verifying: 'verifying',
    approved: 'verified',
    locked: 'locked',
  }
  if (snapshot.state === 'locked') map.locked = lockedStatus(snapshot, 'locked')
  return {
    status: map[snapshot.state] ?? (snapshot.error ? 'error' : 'idle'),
    challenge: snapshot.challenge,
    error: snapshot.error,
    attemptsLeft: snapshot.attemptsLeft,
    lockedUntil: snapshot.lockedUntil,
    result: snapshot.result,
    send: () => send({ type: 'CODE.SEND' }),
    verify: (response) => send({ type: 'CODE.SUBMIT', code: response }),
  }
}

export function qrControllerFrom(snapshot: StepUpSnapshot, send: Send): QrSigningController {
  const map: Partial<Record<StepUpSnapshot['state'], QrSigningController['status']>> = {
    sending: 'sending',
    'awaiting-approval': 'waiting',
    verifying: 'verifying',
    approved: 'approved',
    denied: 'rejected',
    expired: 'expired',
    locked: 'locked',
    error: 'error',
  }
  if (snapshot.state === 'locked') map.locked = lockedStatus(snapshot, 'locked')
  return {
    status: map[snapshot.state] ?? 'idle',
    qr: snapshot.qr,
    transaction: snapshot.qr?.transaction ?? snapshot.transaction,
    error: snapshot.error,
    attemptsLeft: snapshot.attemptsLeft,
    lockedUntil: snapshot.lockedUntil,
    result: snapshot.result,
    send: () => send({ type: 'CODE.SEND' }),
    verifyOtp: (otp) => send({ type: 'QR.VERIFY', otp }),
  }
}
