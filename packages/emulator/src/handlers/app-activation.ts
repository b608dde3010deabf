/**
 * CENTAGATE app activation, `device/register/onetimepin/{admin}` (API.md 2.20, PDF18): the answer
 * carries `qr` (what the app scans) and `passcode` (a one-time code, also sent to the user's phone
 * by SMS); the activation completes when the app has scanned the QR and the user typed the
 * passcode into it (the device simulator: control API `app/activate`). Until then token/getStatus
 * type "1" reports the registration's status; afterwards the user has a mobile device with fresh
 * seeds (challenge-response, QR signing, TOTP, push).
 */
import { timingSafeEqualText } from '@centagate-kit/protocol/signing'
import { z } from 'zod'
import { base64DecodeText, base64UrlEncodeText, bytesToHex } from '../encoding'
import { randomTotpSecret } from '../otp/totp'
import { randomBytes, randomDigits, randomHex32 } from '../random'
import type { EmulatorSettings } from '../settings'
import type { ActivationState, EmulatorState } from '../state/state-schema'
import { findUser } from './admin'
import { type Handler, fail, field, ok } from './context'

const qrPrefix = 'CGACT1:'
/** Validity bounds of a registration in seconds (default 300, API.md 2.20). */
const minValiditySeconds = 30
const maxValiditySeconds = 86_400

const activationQr = z.looseObject({ v: z.literal(1), i: z.string().min(1), u: z.string() })

/** Reads an activation QR (`CGACT1:` + base64url JSON `{v, i, u}`); `null` for anything else. */
export function decodeActivationQr(qr: string): { id: string; username: string } | null {
  if (!qr.startsWith(qrPrefix)) return null
  const json = base64DecodeText(qr.slice(qrPrefix.length))
  if (json === null) return null
  try {
    const result = activationQr.safeParse(JSON.parse(json))
    return result.success ? { id: result.data.i, username: result.data.u } : null
  } catch {
    return null
  }
}

export const registerOneTimePin: Handler = (context) => {
  const { state, now } = context
  const user = findUser(state, field(context, 'username'))
  if (!user) return fail('22002')
  if (user.device) return fail('22027')
  const status = field(context, 'status') || '1'
  const validityText = field(context, 'validity') || '300'
  const validity = Number(validityText)
  if (
    !['1', '2', '3', '4'].includes(status) ||
    !/^\d{1,6}$/.test(validityText) ||
    validity < minValiditySeconds ||
    validity > maxValiditySeconds
  ) {
    return fail('10002')
  }
  // A new registration replaces an unfinished one.
  for (const earlier of Object.values(state.activations)) {
    if (earlier.username === user.username && earlier.state === 'pending') earlier.state = 'void'
  }
  const id = randomHex32()
  const activation: ActivationState = {
    id,
    username: user.username,
    qr: qrPrefix + base64UrlEncodeText(JSON.stringify({ v: 1, i: id, u: user.username })),
    passcode: randomDigits(6),
    status: status as ActivationState['status'],
    issuedAt: now,
    expiresAt: now + validity * 1000,
    wrongAttempts: 0,
    state: 'pending',
  }
  state.activations[id] = activation
  if (user.phone !== undefined) {
    const minutes = Math.max(1, Math.round(validity / 60))
    state.outbox.push({
      id: randomHex32(),
      username: user.username,
      phone: user.phone,
      text: `CENTAGATE: your app activation passcode is ${activation.passcode}. It expires in ${minutes} minutes. Type it only into the CENTAGATE app.`,
      code: activation.passcode,
      kind: 'activation',
      sentAt: now,
    })
  }
  return ok({ qr: activation.qr, passcode: activation.passcode })
}

export type ActivationResult =
  | { ok: true; username: string; accountId: string; serial: string }
  | {
      ok: false
      reason: 'unknown_qr' | 'expired' | 'deactivated' | 'invalid_passcode' | 'already_bound'
      attemptsLeft?: number
    }

/**
 * The app scanned `qr` and the user typed `passcode`: binds a new mobile device to the user.
 * Wrong passcodes count; `maxWrongPerCode` of them void the activation.
 */
export function completeActivation(
  state: EmulatorState,
  input: {
    qr: string
    passcode: string
    name?: string | undefined
    model?: string | undefined
    os?: string | undefined
  },
  now: number,
  settings: EmulatorSettings,
): ActivationResult {
  const decoded = decodeActivationQr(input.qr)
  const activation =
    decoded && Object.hasOwn(state.activations, decoded.id)
      ? state.activations[decoded.id]
      : undefined
  if (!activation || activation.username !== decoded?.username) {
    return { ok: false, reason: 'unknown_qr' }
  }
  if (activation.state !== 'pending' || activation.expiresAt <= now) {
    return { ok: false, reason: 'expired' }
  }
  if (activation.status === '3' || activation.status === '4') {
    return { ok: false, reason: 'deactivated' }
  }
  const user = findUser(state, activation.username)
  if (!user) return { ok: false, reason: 'unknown_qr' }
  if (user.device) return { ok: false, reason: 'already_bound' }
  if (!timingSafeEqualText(activation.passcode, input.passcode)) {
    activation.wrongAttempts += 1
    if (activation.wrongAttempts >= settings.maxWrongPerCode) activation.state = 'void'
    return {
      ok: false,
      reason: 'invalid_passcode',
      attemptsLeft: Math.max(0, settings.maxWrongPerCode - activation.wrongAttempts),
    }
  }
  activation.state = 'activated'
  const accountId = randomHex32()
  const serial = `MOBILE-${user.username.toUpperCase()}-${accountId.slice(0, 6)}`
  user.device = {
    accountId,
    serial,
    name: input.name ?? `${user.firstName || user.username}'s phone`,
    model: input.model ?? 'Emulated phone',
    os: input.os ?? 'Android',
    ocraSeed: bytesToHex(randomBytes(32)),
    totpSecret: randomTotpSecret(),
  }
  return { ok: true, username: user.username, accountId, serial }
}
