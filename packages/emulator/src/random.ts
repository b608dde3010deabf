/**
 * Random identifiers in the shapes observed from real CENTAGATE (API.md 1.6), from
 * `crypto.getRandomValues` (Web Crypto: browsers and Node alike).
 */
import { bytesToBase64, bytesToHex } from './encoding'

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length)
  crypto.getRandomValues(bytes)
  return bytes
}

/** A uniformly random integer in [0, max) without modulo bias. */
export function randomInt(max: number): number {
  if (!Number.isInteger(max) || max <= 0 || max > 2 ** 32)
    throw new RangeError('randomInt: bad max')
  const limit = Math.floor(2 ** 32 / max) * max
  const word = new Uint32Array(1)
  for (;;) {
    crypto.getRandomValues(word)
    const value = word[0] ?? 0
    if (value < limit) return value % max
  }
}

/** `length` random decimal digits (SMS OTPs, challenges). */
export function randomDigits(length: number): string {
  let text = ''
  for (let index = 0; index < length; index++) text += String(randomInt(10))
  return text
}

/** authToken: 44-character Base64 of 32 random bytes. */
export function randomAuthToken(): string {
  return bytesToBase64(randomBytes(32))
}

/** devAccId / accountId / request ids: 32 lowercase hex characters. */
export function randomHex32(): string {
  return bytesToHex(randomBytes(16))
}

const alphanumerics = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Mixed-case alphanumerics (secretCode: 32; app secret key: 12). */
export function randomAlphanumeric(length: number): string {
  let text = ''
  for (let index = 0; index < length; index++)
    text += alphanumerics[randomInt(alphanumerics.length)]
  return text
}
