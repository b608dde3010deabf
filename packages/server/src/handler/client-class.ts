/**
 * Which client class a kit request belongs to for a user's lockout (`rate-limit/lockout.ts`):
 * `known` when it carries a valid device cookie issued to that user, `unknown` otherwise. Read
 * once per request and user. After a completed login or step-up the browser gets (or renews) its
 * device cookie, keeping its device id so that its failure history stays its own.
 */
import { randomId } from '../encoding'
import { cookieMode, readCookie, serializeCookie } from '../flow/cookies'
import { deviceCookieBaseName } from '../device/device-cookie'
import { unknownIp } from '../rate-limit/limits'
import { ipLimitKey } from '../rate-limit/ip-key'
import type { ClientClass } from '../rate-limit/lockout'
import type { RouteContext } from './runtime'

const resolved = new WeakMap<RouteContext, Map<string, Promise<ClientClass>>>()

/** The client class of this request for `username`. */
export function clientClassOf(context: RouteContext, username: string): Promise<ClientClass> {
  let byUser = resolved.get(context)
  if (byUser === undefined) resolved.set(context, (byUser = new Map()))
  const user = username.toLowerCase()
  let found = byUser.get(user)
  if (found === undefined) {
    const { prefix } = cookieMode(context.request.url)
    const value = readCookie(context.cookies, prefix + deviceCookieBaseName)
    found = context.runtime.deviceCookies
      .verify(value, username, context.now)
      .then((deviceId): ClientClass => {
        const client: ClientClass =
          deviceId === null ? { kind: 'unknown' } : { kind: 'known', deviceId }
        // The audit trail says which class a lock or failure counted in.
        context.clientClass = client.kind
        return client
      })
    byUser.set(user, found)
  }
  return found
}

/** The address's key in per-IP limits, or `null` when the address is unknown. */
export function ipKeyOf(context: RouteContext): string | null {
  return context.ip === unknownIp ? null : ipLimitKey(context.ip)
}

/** Sets (or renews) the device cookie binding this browser to `username`. */
export async function issueDeviceCookie(context: RouteContext, username: string): Promise<void> {
  const current = await clientClassOf(context, username)
  const deviceId = current.kind === 'known' ? current.deviceId : randomId()
  const { runtime } = context
  const value = await runtime.deviceCookies.issue(username, deviceId, context.now)
  const { secure, prefix } = cookieMode(context.request.url)
  context.headers.appendSetCookie(
    serializeCookie(prefix + deviceCookieBaseName, value, {
      secure,
      maxAge: runtime.deviceCookies.maxAgeMs / 1000,
    }),
  )
}
