/**
 * Admin (cenToken) calls, API.md 2.18-2.20: `token/registerActiveToken/{admin}`,
 * `token/register/otp/offline/{admin}`, `user/auth/list/{admin}` and
 * `device/listMultipleUserDevice/{username}/{cenToken}/{userId}`.
 *
 * cenToken = HMAC(secretCode, adminUsername + authToken) of a live, complete session of the named
 * account (API.md 1.4); anything else is 10001.
 */
import { verifyCenToken } from '@centagate-kit/protocol/signing'
import { randomTotpSecret } from '../otp/totp'
import { userTokens } from '../state/factors'
import type { EmulatorState, UserState } from '../state/state-schema'
import { type CallContext, type Handler, fail, field, ok } from './context'

/** Whether `cenToken` was made from a live, complete session of `caller`. */
export async function cenTokenValid(
  state: EmulatorState,
  caller: string,
  cenToken: string,
  now: number,
): Promise<boolean> {
  const sessions = Object.values(state.sessions).filter(
    (session) =>
      session.username === caller && session.status === 'complete' && session.expiresAt > now,
  )
  let valid = false
  for (const session of sessions) {
    // Every live session is checked (no early exit) so timing does not reveal which matched.
    const matches = await verifyCenToken(
      { secretCode: session.secretCode, adminUsername: caller, authToken: session.authToken },
      cenToken,
    )
    valid = valid || matches
  }
  return valid
}

export function findUser(state: EmulatorState, username: string): UserState | undefined {
  return Object.hasOwn(state.users, username) ? state.users[username] : undefined
}

/** Admin endpoints with `{adminUsername}` require an admin role (10001 otherwise). */
export async function authoriseAdmin(context: CallContext): Promise<boolean> {
  const caller = context.pathParams.adminUsername ?? ''
  const user = findUser(context.state, caller)
  if (!user || user.role !== 'admin') return false
  return cenTokenValid(context.state, caller, field(context, 'cenToken'), context.now)
}

const phonePattern = /^\+?[0-9]{7,15}$/

export const registerActiveToken: Handler = (context) => {
  const { state } = context
  const user = findUser(state, field(context, 'username'))
  if (!user) return fail('22002')
  const tokenSn = field(context, 'tokenSn')
  const tokenType = field(context, 'tokenType')
  if (tokenType === '1') {
    if (!phonePattern.test(tokenSn)) return fail('10002')
    const holder = Object.values(state.users).find(
      (other) => other.phone === tokenSn && other.username !== user.username,
    )
    if (holder) return fail('29004')
    user.phone = tokenSn
    return ok(boundObject(user, '1'))
  }
  if (tokenType !== '2') return fail('10002')
  const token = Object.hasOwn(state.tokens, tokenSn) ? state.tokens[tokenSn] : undefined
  if (!token) return fail('29001')
  if (token.owner !== undefined) return fail('29017')
  if (userTokens(state, user.username).length > 0 || user.softToken) return fail('29008')
  token.owner = user.username
  return ok(boundObject(user, '1'))
}

function boundObject(user: UserState, status: string): Record<string, string> {
  return {
    boundUser: user.username,
    boundUserFirtName: user.firstName,
    boundUserLastName: user.lastName,
    boundMobileDefault: user.device ? '1' : '0',
    boundTokenStatus: status,
  }
}

export const registerOfflineOtp: Handler = (context) => {
  const { state } = context
  const user = findUser(state, field(context, 'username'))
  if (!user) return fail('22002')
  if (userTokens(state, user.username).length > 0 || user.softToken) return fail('29008')
  const secret = randomTotpSecret()
  user.softToken = { serial: `SOFT-${user.username}`, secret }
  return ok({ key: secret })
}

export const userAuthList: Handler = (context) => {
  const { state } = context
  const user = findUser(state, field(context, 'username'))
  if (!user) return fail('22002')
  const tokenList = [
    ...(user.phone ? [{ sn: user.phone, type: '1', status: '2' }] : []),
    ...userTokens(state, user.username).map((token) => ({
      sn: token.serial,
      type: '2',
      status: '2',
    })),
    ...(user.softToken ? [{ sn: user.softToken.serial, type: '2', status: '2' }] : []),
  ]
  return ok({
    tokenList,
    certList: [],
    device: user.device
      ? { name: user.device.name, model: user.device.model, os: user.device.os, status: '1' }
      : null,
  })
}

/** Any logged-in account may list its own devices; an admin may list anyone's (API.md 5.13). */
export const listMultipleUserDevice: Handler = async (context) => {
  const { state, pathParams } = context
  const caller = findUser(state, pathParams.username ?? '')
  if (!caller) return fail('10001')
  const valid = await cenTokenValid(state, caller.username, pathParams.cenToken ?? '', context.now)
  const target = Object.values(state.users).find((user) => user.userId === pathParams.userId)
  if (!valid || (caller.role !== 'admin' && caller.userId !== pathParams.userId)) {
    return fail('10001')
  }
  if (!target) return fail('22002')
  const deviceList = [
    ...(target.device
      ? [
          {
            accountId: target.device.accountId,
            deviceName: target.device.name,
            deviceModel: target.device.model,
            deviceHid: target.device.serial ?? target.device.accountId,
            os: target.device.os,
          },
        ]
      : []),
    ...userTokens(state, target.username).map((token) => ({
      accountId: token.accountId,
      deviceName: '',
      deviceModel: 'Hardware token',
      deviceHid: token.serial,
    })),
  ]
  return ok({ deviceList })
}
