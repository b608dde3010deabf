/**
 * Per-user consecutive failure count across every method; at the limit the user is locked for
 * `lockoutSeconds` (23036). Only a successful factor resets the count: a resend never does, and
 * neither does a correct password (otherwise a password holder could reset OTP guessing).
 */
import type { EmulatorSettings } from '../settings'
import type { EmulatorState } from './state-schema'

export function lockedUntil(state: EmulatorState, username: string, now: number): number | null {
  const entry = state.failures[username]
  if (!entry || entry.lockedUntil === null) return null
  if (entry.lockedUntil <= now) {
    // The lock has ended: start counting afresh.
    state.failures[username] = { count: 0, lockedUntil: null }
    return null
  }
  return entry.lockedUntil
}

export function recordFailure(
  state: EmulatorState,
  username: string,
  now: number,
  settings: EmulatorSettings,
): void {
  const entry = state.failures[username] ?? { count: 0, lockedUntil: null }
  entry.count += 1
  if (entry.count >= settings.maxConsecutiveFailures) {
    entry.lockedUntil = now + settings.lockoutSeconds * 1000
  }
  state.failures[username] = entry
}

export function recordSuccess(state: EmulatorState, username: string): void {
  delete state.failures[username]
}
