/** What a user has enrolled, as CENTAGATE's `authMethods` tokens (API.md 1.7). */
import type { EmulatorState, TokenState, UserState } from './state-schema'

export function userTokens(state: EmulatorState, username: string): TokenState[] {
  return Object.values(state.tokens).filter((token) => token.owner === username)
}

/**
 * `SMS`, `CROTP`, `QRCODE`, `OTP`, `PUSH` in that order, for what the user has enrolled: the
 * CENTAGATE app (mobile device) answers challenges, scans QR codes, shows a TOTP and takes pushes.
 */
export function userFactors(state: EmulatorState, user: UserState): string[] {
  const tokens = userTokens(state, user.username)
  const factors: string[] = []
  if (user.phone) factors.push('SMS')
  if (user.device || tokens.some((token) => token.kind === 'cr')) factors.push('CROTP')
  if (user.device) factors.push('QRCODE')
  if (user.device || user.softToken || tokens.some((token) => token.kind === 'totp')) {
    factors.push('OTP')
  }
  if (user.device) factors.push('PUSH')
  return factors
}

/**
 * The user's default device account (`defAccId`): the mobile device, else the first hardware
 * token's device account; `null` for SMS-only users.
 */
export function userDefaultDevice(
  state: EmulatorState,
  user: UserState,
): { accountId: string; name: string } | null {
  if (user.device) return { accountId: user.device.accountId, name: user.device.name }
  const token = userTokens(state, user.username)[0]
  // An empty device name means "hardware token, no mobile device" (API.md 1.7).
  return token ? { accountId: token.accountId, name: '' } : null
}
