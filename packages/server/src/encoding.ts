/** Small browser-safe encoding helpers (Web APIs only). */

const encoder = new TextEncoder()

/** Standard Base64 of the UTF-8 bytes of `text`. */
export function base64Utf8(text: string): string {
  let binary = ''
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Unpadded base64url of bytes. */
export function base64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** `bytes` cryptographically random bytes as base64url (16 bytes = 128 bits by default). */
export function randomId(bytes = 16): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)))
}

/** Lowercase hex SHA-256 of the UTF-8 text. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))
  let hex = ''
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/** A 32-byte key derived from a secret with HKDF-SHA256 for one purpose (`info`). */
export async function deriveKey(secret: string, info: string): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, [
    'deriveBits',
  ])
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: encoder.encode('centagate-kit'),
      info: encoder.encode(info),
    },
    base,
    256,
  )
  return new Uint8Array(bits)
}

/** A short, stable pseudonym of a username for logs (never the name itself). */
export async function userHash(username: string): Promise<string> {
  return (await sha256Hex(`centagate-kit user:${username.toLowerCase()}`)).slice(0, 16)
}
