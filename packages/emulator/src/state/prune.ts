/**
 * Drops what can no longer matter, so a long-running emulator (demos, load tests) keeps a bounded
 * state: expired sessions, rotated-out tokens older than a session lifetime (after that they
 * answer 23016 instead of 23018), finished or expired challenges, QR requests and SMS codes,
 * pushes and app activations, and SMS send times older than the hourly window.
 */
import type { EmulatorSettings } from '../settings'
import type { EmulatorState } from './state-schema'

/** Keep finished records this long past their expiry, for tests that inspect them. */
const graceMs = 3_600_000

export function pruneState(state: EmulatorState, now: number, settings: EmulatorSettings): void {
  for (const [id, session] of Object.entries(state.sessions)) {
    if (session.expiresAt + graceMs < now) {
      delete state.sessions[id]
      delete state.liveTokens[session.authToken]
    }
  }
  const retiredBefore = now - settings.sessionLifetimeSeconds * 1000 - graceMs
  for (const [token, retiredAt] of Object.entries(state.retiredTokens)) {
    if (retiredAt < retiredBefore) delete state.retiredTokens[token]
  }
  for (const [key, challenge] of Object.entries(state.challenges)) {
    if (challenge.expiresAt + graceMs < now) delete state.challenges[key]
  }
  for (const [key, request] of Object.entries(state.qrRequests)) {
    if (request.expiresAt + graceMs < now) delete state.qrRequests[key]
  }
  for (const [key, push] of Object.entries(state.pushRequests)) {
    if (push.expiresAt + graceMs < now) delete state.pushRequests[key]
  }
  for (const [key, activation] of Object.entries(state.activations)) {
    if (activation.expiresAt + graceMs < now) delete state.activations[key]
  }
  for (const [username, code] of Object.entries(state.sms)) {
    if (code.expiresAt + graceMs < now) delete state.sms[username]
  }
  for (const [username, sends] of Object.entries(state.smsSends)) {
    const recent = sends.filter((time) => time > now - 3_600_000)
    if (recent.length === 0) delete state.smsSends[username]
    else state.smsSends[username] = recent
  }
}
