// Node-only: node:crypto's createHmac with a KeyObject costs ~1.5 us per HMAC where an awaited
// Web Crypto sign costs ~40 us (shared/reference/anchors-performance.md 2.1). Selected through the
// `node` export condition of @centagate-kit/protocol/signing; same results as the Web Crypto engine.
import { createHmac, createSecretKey, timingSafeEqual as nodeTimingSafeEqual } from 'node:crypto'
import type { HmacEngine, HmacKey } from './hmac-engine'

function createKey(secret: string): HmacKey {
  const key = createSecretKey(Buffer.from(secret, 'utf8'))
  const digest = (message: string) => createHmac('sha256', key).update(message, 'utf8').digest()
  return {
    signHex: (message) => Promise.resolve(digest(message).toString('hex')),
    verify: (message, mac) => {
      const expected = digest(message)
      return Promise.resolve(mac.length === expected.length && nodeTimingSafeEqual(expected, mac))
    },
  }
}

function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && nodeTimingSafeEqual(a, b)
}

/** HMAC-SHA256 on node:crypto. */
export const nodeCryptoEngine: HmacEngine = { createKey, timingSafeEqual }
