/**
 * The emulator-only control API under `/__emulator/` (README "Control API"): the device
 * simulators (SMS outbox, hardware token, soft token, mobile app; pushes, authenticators and app
 * activation in their own route modules), clock, faults, stats, users, state export/import and
 * reset. Bodies are validated with zod; errors are 4xx JSON.
 */
import { z } from 'zod'
import { type EmulatorInput, type EmulatorReply, jsonReply } from '../reply'
import { activationRoutes } from './activation-routes'
import { authenticatorRoutes } from './authenticator-routes'
import { controlError as error, isReply, readJson } from './control-body'
import { pushRoutes } from './push-routes'
import { faultSpec } from '../faults'
import { findDevice, qrOtp, respondToChallenge, UnknownResponderError } from '../otp/responders'
import { generateTotp } from '../otp/totp'
import { userDefaultDevice, userFactors, userTokens } from '../state/factors'
import { lockedUntil } from '../state/lockout'
import type { EmulatorState, Responder } from '../state/state-schema'
import type { EmulatorInternals } from '../emulator-internals'
import { decodeQrCode } from './qr-code'

const respondBody = z.strictObject({ serial: z.string().min(1), challenge: z.string().min(1) })
const scanBody = z.union([
  z.strictObject({ qrCode: z.string().min(1) }),
  z.strictObject({ manualCode: z.string().min(1), username: z.string().min(1) }),
])
const decisionBody = z.strictObject({
  username: z.string().min(1),
  decision: z.enum(['approve', 'reject']),
})
// Bounded to ±10 years: an unbounded jump leaves the Date range and would wedge every later call.
const maxClockJumpSeconds = 10 * 365 * 24 * 3600
const clockBody = z.strictObject({
  advanceSeconds: z.number().finite().min(-maxClockJumpSeconds).max(maxClockJumpSeconds),
})

function responderFor(state: EmulatorState, serial: string): Responder | null {
  const token = Object.hasOwn(state.tokens, serial) ? state.tokens[serial] : undefined
  if (token?.kind === 'cr') return { kind: 'token', serial }
  const device = findDevice(state, serial)
  return device ? { kind: 'device', accountId: device.accountId } : null
}

function totpSecretFor(
  state: EmulatorState,
  serial: string,
): { id: string; secret: string } | null {
  const device = findDevice(state, serial)
  if (device) return { id: device.accountId, secret: device.totpSecret }
  const token = Object.hasOwn(state.tokens, serial) ? state.tokens[serial] : undefined
  if (token?.kind === 'totp') return { id: token.serial, secret: token.seed }
  const user = Object.values(state.users).find(
    (candidate) => candidate.softToken?.serial === serial,
  )
  return user?.softToken ? { id: serial, secret: user.softToken.secret } : null
}

/** Describes a user for the demo's device drawer (no password, no seeds). */
function describeUser(state: EmulatorState, username: string, now: number) {
  const user = Object.hasOwn(state.users, username) ? state.users[username] : undefined
  if (!user) return null
  const device = userDefaultDevice(state, user)
  return {
    username: user.username,
    userId: user.userId,
    role: user.role,
    mfa: user.mfa,
    phone: user.phone ?? null,
    factors: userFactors(state, user),
    defAccId: device?.accountId ?? null,
    mobileDevice: user.device
      ? {
          accountId: user.device.accountId,
          serial: user.device.serial ?? user.device.accountId,
          name: user.device.name,
        }
      : null,
    tokens: userTokens(state, user.username).map((token) => ({
      serial: token.serial,
      kind: token.kind,
      accountId: token.accountId,
    })),
    softToken: user.softToken ? { serial: user.softToken.serial } : null,
    failures: state.failures[user.username]?.count ?? 0,
    lockedUntil: lockedUntil(state, user.username, now),
  }
}

/** Answers a `/__emulator/...` request. */
export async function handleControlRequest(
  input: EmulatorInput,
  path: string,
  emulator: EmulatorInternals,
): Promise<EmulatorReply> {
  const { method } = input
  const url = new URL(input.url)
  const state = emulator.state()
  const now = emulator.clock.now()
  const route = `${method} ${path}`

  if (route === 'GET outbox') {
    const username = url.searchParams.get('username')
    const messages = state.outbox.filter(
      (message) => username === null || message.username === username,
    )
    return jsonReply({ messages })
  }
  if (route === 'DELETE outbox') {
    state.outbox = []
    return jsonReply({ ok: true })
  }
  if (route === 'POST token/respond') {
    const body = readJson(input, respondBody)
    if (isReply(body)) return body
    const responder = responderFor(state, body.serial)
    if (!responder) return error(404, 'unknown_serial', 'no CR token or device with that serial')
    try {
      return jsonReply({ otp: await respondToChallenge(state, responder, body.challenge) })
    } catch (cause) {
      if (cause instanceof UnknownResponderError) return error(404, 'unknown_serial', cause.message)
      return error(400, 'invalid_challenge', 'the challenge does not fit the token suite')
    }
  }
  if (route === 'GET token/totp') {
    const serial = url.searchParams.get('serial') ?? ''
    const token = totpSecretFor(state, serial)
    if (!token) return error(404, 'unknown_serial', 'no soft/TOTP token with that serial')
    return jsonReply({ otp: generateTotp({ secret: token.secret }, now), serial })
  }
  if (route === 'POST app/scan') {
    const body = readJson(input, scanBody)
    if (isReply(body)) return body
    let payload: {
      requestId: string
      challenge: string
      accountId: string
      details: string
    } | null = null
    if ('qrCode' in body) {
      const decoded = decodeQrCode(body.qrCode)
      if (decoded)
        payload = {
          requestId: decoded.r,
          challenge: decoded.c,
          accountId: decoded.a,
          details: decoded.d,
        }
    } else {
      const found = Object.values(state.qrRequests)
        .filter(
          (candidate) =>
            candidate.username === body.username && candidate.otpChallenge === body.manualCode,
        )
        .sort((a, b) => b.issuedAt - a.issuedAt)[0]
      if (found)
        payload = {
          requestId: found.requestId,
          challenge: found.otpChallenge,
          accountId: found.accountId,
          details: found.details,
        }
    }
    if (!payload) return error(404, 'unknown_qr', 'not an emulator QR value, or no such request')
    const device = findDevice(state, payload.accountId)
    if (!device) return error(404, 'unknown_device', 'the QR names no device of this emulator')
    // The app computes the OTP from what the QR shows: tampered details give a useless OTP.
    const plainText = `${payload.accountId}|${payload.requestId}|${payload.details}`
    return jsonReply({
      details: payload.details,
      otp: await qrOtp(device.ocraSeed, payload.challenge, plainText),
      requestId: payload.requestId,
    })
  }
  if (route === 'POST app/decision') {
    const body = readJson(input, decisionBody)
    if (isReply(body)) return body
    const pending = Object.values(state.qrRequests)
      .filter(
        (candidate) =>
          candidate.username === body.username &&
          candidate.status === 'pending' &&
          candidate.expiresAt > now,
      )
      .sort((a, b) => b.issuedAt - a.issuedAt)[0]
    if (!pending) return error(404, 'no_pending_request', 'no pending QR request for that user')
    pending.status = body.decision === 'approve' ? 'approved' : 'rejected'
    return jsonReply({ requestId: pending.requestId, status: pending.status })
  }
  if (route === 'POST clock') {
    const body = readJson(input, clockBody)
    if (isReply(body)) return body
    emulator.clock.advance(body.advanceSeconds)
    return jsonReply(clockInfo(emulator.clock.now()))
  }
  if (route === 'GET clock') return jsonReply(clockInfo(now))
  if (route === 'GET faults') return jsonReply({ faults: emulator.faults.list() })
  if (route === 'POST faults') {
    const body = readJson(input, faultSpec)
    if (isReply(body)) return body
    return jsonReply({ fault: emulator.faults.add(body) }, 201)
  }
  if (route === 'DELETE faults') {
    emulator.faults.clear()
    return jsonReply({ ok: true })
  }
  if (route === 'POST reset') {
    emulator.reset()
    return jsonReply({ ok: true })
  }
  if (route === 'GET stats') return jsonReply(emulator.stats())
  if (route === 'DELETE stats') {
    emulator.resetStats()
    return jsonReply({ ok: true })
  }
  if (route === 'GET state') return jsonReply(emulator.exportState())
  if (route === 'PUT state') {
    let value: unknown
    try {
      value = JSON.parse(input.bodyText)
    } catch {
      return error(400, 'invalid_json', 'body must be JSON')
    }
    try {
      emulator.importState(value)
    } catch (cause) {
      return error(400, 'invalid_state', cause instanceof Error ? cause.message : 'invalid state')
    }
    return jsonReply({ ok: true })
  }
  // Device simulators added by issue 15: push decisions, authenticator codes, app activation.
  for (const routes of [pushRoutes, authenticatorRoutes, activationRoutes]) {
    const reply = await routes({ input, path, method, url, state, now, emulator })
    if (reply !== null) return reply
  }
  const userMatch = /^users\/([^/]+)$/.exec(path)
  if (method === 'GET' && userMatch?.[1]) {
    const user = describeUser(state, decodeURIComponent(userMatch[1]), now)
    return user ? jsonReply(user) : error(404, 'unknown_user', 'no such user')
  }
  return error(404, 'not_found', `no control route ${route}`)
}

function clockInfo(now: number) {
  return { now, unixTimestamp: Math.floor(now / 1000), iso: new Date(now).toISOString() }
}
