/**
 * Small encoding, hashing and key-derivation helpers. Browser-safe: the crypto goes through the
 * `#server-crypto` engine (node:crypto under the `node` condition, Web Crypto otherwise).
 */
import { serverCrypto } from '#server-crypto'
import type { ServerCrypto } from './crypto/server-crypto'

const encoder = new TextEncoder()

/** Standard Base64 of the UTF-8 bytes of `text`. */
export function base64Utf8(text: string): string {
  let binary = ''
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Unpadded base64url of bytes. */
export function base64Url(bytes: Uint8Array): string {
  return serverCrypto.base64UrlEncode(bytes)
}

/** `bytes` cryptographically random bytes as base64url (16 bytes = 128 bits by default). */
export function randomId(bytes = 16): string {
  return base64Url(serverCrypto.randomBytes(bytes))
}

/** Lowercase hex SHA-256 of the UTF-8 text. */
export function sha256Hex(text: string): Promise<string> {
  return serverCrypto.sha256Hex(text)
}

/** The HKDF salt of every kit key: a fixed label, so one secret gives unrelated keys per `info`. */
const keySalt = encoder.encode('centagate-kit')

/**
 * A 32-byte key derived from a secret with HKDF-SHA256 for one purpose (`info`). `engine` defaults
 * to the build's crypto engine (node:crypto on Node, Web Crypto elsewhere; same bytes either way).
 */
export function deriveKey(
  secret: string,
  info: string,
  engine: ServerCrypto = serverCrypto,
): Promise<Uint8Array> {
  return engine.hkdfSha256(encoder.encode(secret), keySalt, encoder.encode(info))
}

/** A short, stable pseudonym of a username for logs (never the name itself). */
export async function userHash(username: string): Promise<string> {
  return (await sha256Hex(`centagate-kit user:${username.toLowerCase()}`)).slice(0, 16)
}
