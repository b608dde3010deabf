import type { HmacEngine, HmacKey } from './hmac-engine'
import { toHex } from './hex'

const encoder = new TextEncoder()
const algorithm = { name: 'HMAC', hash: 'SHA-256' } as const

function createKey(secret: string): HmacKey {
  const key = crypto.subtle.importKey('raw', encoder.encode(secret), algorithm, false, [
    'sign',
    'verify',
  ])
  return {
    async signHex(message) {
      const mac = await crypto.subtle.sign('HMAC', await key, encoder.encode(message))
      return toHex(new Uint8Array(mac))
    },
    async verify(message, mac) {
      // subtle.verify compares in constant time inside the platform.
      return crypto.subtle.verify('HMAC', await key, mac, encoder.encode(message))
    },
  }
}

function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let index = 0; index < a.length; index++) difference |= (a[index] ?? 0) ^ (b[index] ?? 0)
  return difference === 0
}

/** HMAC-SHA256 on Web Crypto: browsers, edge runtimes, Deno, Bun, Node. */
export const webCryptoEngine: HmacEngine = { createKey, timingSafeEqual }
