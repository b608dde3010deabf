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

/**
 * `length` characters drawn uniformly from `alphabet` (at most 256 symbols): one
 * getRandomValues call per batch of bytes, bytes above the largest multiple rejected (no bias).
 */
function randomFrom(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length)
  let text = ''
  while (text.length < length) {
    // getRandomValues fills at most 65,536 bytes per call.
    for (const byte of randomBytes(Math.min(length * 2, 4096))) {
      if (byte < limit) text += alphabet[byte % alphabet.length]
      if (text.length === length) break
    }
  }
  return text
}

/** `length` random decimal digits (SMS OTPs, challenges). */
export function randomDigits(length: number): string {
  return randomFrom('0123456789', length)
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
  return randomFrom(alphanumerics, length)
}
