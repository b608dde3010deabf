/**
 * The device cookie (OWASP "Slow down online guessing attacks with device cookies"): after a
 * completed login or step-up the browser gets a long-lived, HttpOnly cookie bound to the user.
 * Its value is `<key id>.<device id>.<issued at, epoch s>.<mac>`, where the MAC (base64url) is
 * HMAC-SHA256 over the lower-cased username, the device id and the issue time, keyed per cookie
 * secret (HKDF "device-cookie"): the first secret signs, every configured one verifies (rotation).
 * The username is not in the cookie; a cookie only counts for the user it was issued to.
 */
import { serverCrypto } from '#server-crypto'
import { createHmacSigner, type HmacSigner } from '@centagate-kit/protocol/signing'
import { deriveKey } from '../encoding'
import type { CookieSecret } from '../flow/flow-cookie'

export const deviceCookieBaseName = 'centagate-device'

/** Default lifetime of a device cookie: 365 days. */
export const defaultDeviceCookieMaxAgeDays = 365

/** Issued-at times this far ahead of the server clock are still accepted (clock steps). */
const futureToleranceMs = 60_000
const deviceIdPattern = /^[A-Za-z0-9_-]{22}$/
const hexDigits = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))
const toHex = (bytes: Uint8Array) => Array.from(bytes, (byte) => hexDigits[byte]).join('')

export interface DeviceCookies {
  /** Lifetime in milliseconds (the cookie's Max-Age and the oldest accepted issue time). */
  readonly maxAgeMs: number
  /** The device id of `value` when it is a valid, unexpired cookie of `username`; else `null`. */
  verify(value: string | undefined, username: string, now: number): Promise<string | null>
  /** A cookie value binding `deviceId` to `username`, issued now, signed with the first secret. */
  issue(username: string, deviceId: string, now: number): Promise<string>
}

const message = (username: string, deviceId: string, issuedAt: string) =>
  `centagate-kit device v1\n${username.toLowerCase()}\n${deviceId}\n${issuedAt}`

export function createDeviceCookies(
  secrets: readonly CookieSecret[],
  maxAgeDays = defaultDeviceCookieMaxAgeDays,
): DeviceCookies {
  const signers = new Map<string, Promise<HmacSigner>>(
    secrets.map((secret) => [
      secret.id,
      deriveKey(secret.secret, 'device-cookie').then((key) => createHmacSigner(toHex(key))),
    ]),
  )
  const signingId = secrets[0]!.id
  const maxAgeMs = maxAgeDays * 24 * 60 * 60_000
  return {
    maxAgeMs,
    async verify(value, username, now) {
      if (value === undefined || value.length > 256) return null
      const parts = value.split('.')
      if (parts.length < 4) return null
      const [deviceId = '', issuedAt = '', mac = ''] = parts.slice(-3)
      const signer = signers.get(parts.slice(0, -3).join('.'))
      if (
        signer === undefined ||
        !deviceIdPattern.test(deviceId) ||
        !/^[0-9]{1,12}$/.test(issuedAt)
      )
        return null
      const issuedMs = Number(issuedAt) * 1000
      if (issuedMs > now + futureToleranceMs || now - issuedMs >= maxAgeMs) return null
      const macBytes = serverCrypto.base64UrlDecode(mac)
      if (macBytes === null || macBytes.length !== 32) return null
      const valid = await (
        await signer
      ).verify(message(username, deviceId, issuedAt), toHex(macBytes))
      return valid ? deviceId : null
    },
    async issue(username, deviceId, now) {
      const issuedAt = String(Math.floor(now / 1000))
      const hexMac = await (
        await signers.get(signingId)!
      ).sign(message(username, deviceId, issuedAt))
      const mac = serverCrypto.base64UrlEncode(
        Uint8Array.from(hexMac.match(/../g)!, (pair) => Number.parseInt(pair, 16)),
      )
      return `${signingId}.${deviceId}.${issuedAt}.${mac}`
    },
  }
}
