// The default engine of `#server-crypto`: Web Crypto only, so the same handler runs in browsers
// (Storybook, browser tests), edge runtimes and, as a fallback, any Node resolver without `node`.
import { decodeBase64Url, encodeBase64Url } from './base64url'
import {
  type AesGcmKey,
  type ServerCrypto,
  aesGcmIvBytes,
  aesGcmKeyBytes,
  aesGcmTagBytes,
} from './server-crypto'

const encoder = new TextEncoder()

/** Web Crypto wants ArrayBuffer-backed views; copies only what is backed by anything else. */
function buffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes)
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))
  let hex = ''
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
  return hex
}

async function hkdfSha256(
  secret: Uint8Array,
  salt: Uint8Array,
  info: Uint8Array,
): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey('raw', buffer(secret), 'HKDF', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: buffer(salt), info: buffer(info) },
    base,
    aesGcmKeyBytes * 8,
  )
  return new Uint8Array(bits)
}

function createAesGcmKey(raw: Uint8Array): AesGcmKey {
  if (raw.length !== aesGcmKeyBytes) throw new TypeError('AES-256-GCM needs a 32-byte key')
  const key = crypto.subtle.importKey('raw', buffer(raw), 'AES-GCM', false, ['encrypt', 'decrypt'])
  return {
    async seal(iv, plaintext, additionalData) {
      if (iv.length !== aesGcmIvBytes) throw new TypeError('AES-GCM here uses a 12-byte IV')
      const sealed = new Uint8Array(
        await crypto.subtle.encrypt(
          { name: 'AES-GCM', iv: buffer(iv), additionalData: buffer(additionalData) },
          await key,
          buffer(plaintext),
        ),
      )
      // Web Crypto appends the tag to the ciphertext.
      const split = sealed.length - aesGcmTagBytes
      return { ciphertext: sealed.subarray(0, split), tag: sealed.subarray(split) }
    },
    async open(iv, ciphertext, tag, additionalData) {
      if (iv.length !== aesGcmIvBytes || tag.length !== aesGcmTagBytes) return null
      const sealed = new Uint8Array(ciphertext.length + aesGcmTagBytes)
      sealed.set(ciphertext)
      sealed.set(tag, ciphertext.length)
      try {
        return new Uint8Array(
          await crypto.subtle.decrypt(
            { name: 'AES-GCM', iv: buffer(iv), additionalData: buffer(additionalData) },
            await key,
            sealed,
          ),
        )
      } catch {
        return null
      }
    },
  }
}

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length))
}

/** The Web Crypto engine. */
export const serverCrypto: ServerCrypto = {
  name: 'web-crypto',
  sha256Hex,
  hkdfSha256,
  createAesGcmKey,
  randomBytes,
  base64UrlEncode: encodeBase64Url,
  base64UrlDecode: decodeBase64Url,
}
