/**
 * The device simulators' OTP computations, shared by the verifying endpoints and the control API
 * (so a "device" and CENTAGATE always agree, as a real token and server would).
 */
import { base64UrlEncodeText, bytesToHex, hexToBytes, utf8 } from '../encoding'
import type { EmulatorState, QrRequestState, Responder } from '../state/state-schema'
import { computeOcra } from './ocra'

/** OCRA suite of the mobile app for online challenge-response (8-digit numeric challenge). */
export const deviceCrSuite = 'OCRA-1:HOTP-SHA256-6:QN08'
/**
 * OCRA suite of the mobile app for QR signing: the question is SHA-256 of challenge + "|" +
 * plainText (hex), so the OTP is bound to exactly the details shown.
 */
export const qrSigningSuite = 'OCRA-1:HOTP-SHA256-8:QH64'

export class UnknownResponderError extends Error {
  override readonly name = 'UnknownResponderError'
}

/** The response a token or the mobile app shows for `challenge`. */
export async function respondToChallenge(
  state: EmulatorState,
  responder: Responder,
  challenge: string,
): Promise<string> {
  if (responder.kind === 'token') {
    const token = state.tokens[responder.serial]
    if (!token || token.kind !== 'cr') throw new UnknownResponderError('no such CR token')
    return computeOcra(token.suite, hexToBytes(token.seed), { question: challenge })
  }
  const device = findDevice(state, responder.accountId)
  if (!device) throw new UnknownResponderError('no such device')
  return computeOcra(deviceCrSuite, hexToBytes(device.ocraSeed), { question: challenge })
}

export function findDevice(state: EmulatorState, accountIdOrSerial: string) {
  for (const user of Object.values(state.users)) {
    const device = user.device
    if (device && (device.accountId === accountIdOrSerial || device.serial === accountIdOrSerial)) {
      return device
    }
  }
  return undefined
}

/** The OTP the mobile app shows after scanning a QR: bound to the challenge and the exact text. */
export async function qrOtp(
  ocraSeedHex: string,
  otpChallenge: string,
  plainText: string,
): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', utf8(`${otpChallenge}|${plainText}`)),
  )
  return computeOcra(qrSigningSuite, hexToBytes(ocraSeedHex), { question: bytesToHex(digest) })
}

/** The QR value for the app: opaque text carrying the request id, challenge and details. */
export function encodeQrCode(request: QrRequestState): string {
  const payload = JSON.stringify({
    v: 1,
    r: request.requestId,
    c: request.otpChallenge,
    a: request.accountId,
    u: request.username,
    d: request.details,
  })
  return `CGQR1:${base64UrlEncodeText(payload)}`
}
