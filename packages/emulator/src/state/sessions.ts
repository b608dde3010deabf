/**
 * Login sessions (API.md 1.4, 1.7, section 4): a session has one live authToken that rotates on
 * every successful factor (the old one is retired: 23018 on reuse), and a secretCode that stays
 * `""` until the login is complete.
 */
import { randomAlphanumeric, randomAuthToken, randomHex32 } from '../random'
import type { EmulatorSettings } from '../settings'
import type { EmulatorState, SessionState, UserState } from './state-schema'
import { userDefaultDevice, userFactors } from './factors'

export function createSession(
  state: EmulatorState,
  user: UserState,
  now: number,
  settings: EmulatorSettings,
  complete: boolean,
): SessionState {
  const session: SessionState = {
    id: randomHex32(),
    username: user.username,
    authToken: randomAuthToken(),
    status: complete ? 'complete' : 'multistep',
    secretCode: complete ? randomAlphanumeric(32) : '',
    factors: [],
    createdAt: now,
    expiresAt: now + settings.sessionLifetimeSeconds * 1000,
  }
  state.sessions[session.id] = session
  state.liveTokens[session.authToken] = session.id
  return session
}

export type TokenResolution =
  { ok: true; session: SessionState } | { ok: false; code: '23016' | '23018' | '23019' }

/**
 * The live session of `authToken` for `username`: 23016 unknown or expired, 23018 a rotated-out
 * (dead) token, 23019 a token of another user.
 */
export function resolveAuthToken(
  state: EmulatorState,
  authToken: string,
  username: string,
  now: number,
): TokenResolution {
  const sessionId = Object.hasOwn(state.liveTokens, authToken)
    ? state.liveTokens[authToken]
    : undefined
  if (sessionId === undefined) {
    return { ok: false, code: Object.hasOwn(state.retiredTokens, authToken) ? '23018' : '23016' }
  }
  const session = state.sessions[sessionId]
  if (!session || session.expiresAt <= now) return { ok: false, code: '23016' }
  if (session.username !== username) return { ok: false, code: '23019' }
  return { ok: true, session }
}

/** Issues a new authToken for the session; the old one is dead from now on. */
export function rotateAuthToken(state: EmulatorState, session: SessionState, now: number): string {
  delete state.liveTokens[session.authToken]
  state.retiredTokens[session.authToken] = now
  session.authToken = randomAuthToken()
  state.liveTokens[session.authToken] = session.id
  return session.authToken
}

/** Records a successful factor: rotates the token and completes the login (one factor suffices). */
export function completeFactor(
  state: EmulatorState,
  session: SessionState,
  factor: string,
  now: number,
): void {
  session.factors.push(factor)
  if (session.status === 'multistep') {
    session.status = 'complete'
    session.secretCode = randomAlphanumeric(32)
  }
  rotateAuthToken(state, session, now)
}

/** The authentication result object of API.md 1.7 (all values strings). */
export function authResultObject(
  state: EmulatorState,
  session: SessionState,
  settings: EmulatorSettings,
): Record<string, string> {
  const user = state.users[session.username]
  const device = user ? userDefaultDevice(state, user) : null
  return {
    authToken: session.authToken,
    secretCode: session.secretCode,
    authMethods: user ? userFactors(state, user).join(',') : '',
    multiStepAuth: session.status === 'complete' ? 'false' : 'true',
    userId: user?.userId ?? '',
    userUniqueId: user?.userId ?? '',
    email: user?.email ?? '',
    role: user?.role ?? 'user',
    defAccId: device?.accountId ?? '',
    defDeviceName: device?.name ?? '',
    countDeviceList: String(device ? countDevices(state, session.username) : 0),
    sessionTimeout: String(settings.sessionLifetimeSeconds * 1000),
    useSystemPassword: '0',
    passwordExpired: '0',
    spIdList: '[]',
  }
}

function countDevices(state: EmulatorState, username: string): number {
  const user = state.users[username]
  const tokens = Object.values(state.tokens).filter((token) => token.owner === username).length
  return tokens + (user?.device ? 1 : 0)
}
