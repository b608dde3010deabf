/**
 * Enrolling an authenticator app (`authenticator/start`, `authenticator/verify`): CENTAGATE binds
 * an offline OTP token to the user and answers its key (`token/register/otp/offline`, admin
 * cenToken); the browser shows it once as an otpauth QR and as text, and the first code from the
 * app (`auth/authOtp`, offline) makes it a factor. The key is never logged, stored, audited or
 * put in a URL of ours; the answer carrying it is `no-store` (every kit answer is). Until the
 * first code verifies, the token is pending (`pending-authenticator.ts`).
 */
import type {
  AuthenticatorStartResponse,
  AuthenticatorVerifyResponse,
  KitRequest,
} from '@centagate-kit/protocol'
import { CentagateCodeError } from '../centagate-client/errors'
import { KitFailure } from '../http/kit-failure'
import { allowFactorChange, notifyFactorChanged } from './factor-change'
import { factorUser } from './factor-user'
import { enforceSendLimit } from './guards'
import {
  adminCallsOf,
  authenticatorPending,
  clearAuthenticatorMarkers,
  markAuthenticatorPending,
  pendingAllowedBy,
  sweepAbandonedAuthenticator,
} from './pending-authenticator'
import { type RouteContext, clearFlow, contextFields } from './runtime'

/**
 * Key Uri Format: `otpauth://totp/<issuer>:<account>?secret=…&issuer=…` (colons not allowed in
 * either). Percent-encoded per RFC 3986 (`%20`, never `+`: authenticator apps read `+` as is).
 */
export function otpauthUri(key: string, issuer: string, account: string): string {
  const clean = (value: string) => encodeURIComponent(value.replaceAll(':', ' ').trim())
  const query = `secret=${key}&issuer=${clean(issuer)}&algorithm=SHA1&digits=6&period=30`
  return `otpauth://totp/${clean(issuer)}:${clean(account)}?${query}`
}

/** The user's offline OTP token (one token slot per user): its serial, or null. */
async function tokenSerial(context: RouteContext, username: string): Promise<string | null> {
  const list = await adminCallsOf(context).listFactors(username)
  // type "2": the OTP token slot (hardware or offline); "1" is the SMS number.
  return list.tokenList.find((token) => token.type === '2')?.sn ?? null
}

export async function authenticatorStart(
  context: RouteContext,
  _input: KitRequest<'authenticator/start'>,
): Promise<AuthenticatorStartResponse> {
  const { runtime } = context
  const { username } = await factorUser(context)
  await sweepAbandonedAuthenticator(context, username)
  await enforceSendLimit(context, 'factor', username)
  const allowance = await allowFactorChange(context, username, { firstFactor: true })
  const admin = adminCallsOf(context)
  // A pending one of an earlier attempt is replaced (it was never a factor).
  if (await authenticatorPending(context, username)) {
    await admin.unregisterFactor(username, 'token').catch(() => undefined)
  }
  let key: string
  try {
    ;({ key } = await admin.registerOfflineOtp(username))
  } catch (error) {
    if (error instanceof CentagateCodeError) await allowance.release()
    throw error
  }
  const expiresAt = await markAuthenticatorPending(context, username, allowance.allowedBy)
  const config = runtime.config.authenticator
  const issuer = config?.issuer ?? 'CENTAGATE'
  const account = config?.label?.({ username }) ?? username
  return {
    status: 'pending',
    otpauthUri: otpauthUri(key, issuer, account),
    key,
    expiresAt,
    serverTime: context.now,
  }
}

export async function authenticatorVerify(
  context: RouteContext,
  input: KitRequest<'authenticator/verify'>,
): Promise<AuthenticatorVerifyResponse> {
  const { runtime } = context
  const { username } = await factorUser(context)
  if (!(await authenticatorPending(context, username))) throw new KitFailure('flow_step_invalid')
  const serial = await tokenSerial(context, username)
  if (serial === null) throw new KitFailure('flow_step_invalid')
  const result = await runtime.client.authOtp({
    username,
    otp: input.code,
    otpType: 'offline',
    tokenId: serial,
    ...contextFields(context),
  })
  // The check opened a CENTAGATE session nobody uses: end it (best effort).
  await runtime.client.logout({ username, authToken: result.authToken }).catch(() => undefined)
  const allowedBy = await pendingAllowedBy(context, username)
  await clearAuthenticatorMarkers(context, username)
  if (context.flow?.step === 'enrol') clearFlow(context)
  await notifyFactorChanged(context, {
    change: 'registered',
    kind: 'authenticator',
    label: serial,
    username,
    // Checked when the key was issued.
    allowedBy,
  })
  return { status: 'registered', kind: 'token', label: serial, serverTime: context.now }
}
