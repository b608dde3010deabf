/** The platform HMAC-SHA256 primitive behind the signing API (Web Crypto, or node:crypto on Node). */
export interface HmacEngine {
  /** A signer bound to one key, so the key is imported once. */
  createKey(secret: string): HmacKey
  /** Constant-time equality of two byte strings (length may leak, content does not). */
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean
}

export interface HmacKey {
  /** HMAC-SHA256 of the UTF-8 message, as lowercase hex. */
  signHex(message: string): Promise<string>
  /** Whether `mac` (32 bytes) is the HMAC of the message, compared in constant time. */
  verify(message: string, mac: Uint8Array<ArrayBuffer>): Promise<boolean>
}
