/**
 * The platform crypto behind the server's per-request work (flow cookie, hashes, key derivation).
 * Two implementations with identical results: node:crypto (fast, Node only) and Web Crypto
 * (browsers, edge runtimes, and Node as a fallback). The package-internal `#server-crypto` import
 * picks one by export condition (`node` -> node:crypto), like protocol/signing does.
 */

/** AES-256-GCM output: the ciphertext (same length as the plaintext) and its 16-byte tag. */
export interface AesGcmSealed {
  ciphertext: Uint8Array
  tag: Uint8Array
}

/** AES-256-GCM bound to one 32-byte key (imported once, used for every call). */
export interface AesGcmKey {
  /** Encrypts and authenticates `plaintext` and `additionalData` under a 12-byte `iv`. */
  seal(iv: Uint8Array, plaintext: Uint8Array, additionalData: Uint8Array): Promise<AesGcmSealed>
  /** The plaintext, or `null` when anything does not authenticate (never throws). */
  open(
    iv: Uint8Array,
    ciphertext: Uint8Array,
    tag: Uint8Array,
    additionalData: Uint8Array,
  ): Promise<Uint8Array | null>
}

export interface ServerCrypto {
  /** Which implementation this is (tests and benchmark labels). */
  readonly name: 'node-crypto' | 'web-crypto'
  /** Lowercase hex SHA-256 of the UTF-8 bytes of `text`. */
  sha256Hex(text: string): Promise<string>
  /** 32 bytes of HKDF-SHA256 (RFC 5869) of `secret` with `salt` and `info`. */
  hkdfSha256(secret: Uint8Array, salt: Uint8Array, info: Uint8Array): Promise<Uint8Array>
  /** AES-256-GCM with a 32-byte key; throws a TypeError for any other key length. */
  createAesGcmKey(key: Uint8Array): AesGcmKey
  /** `length` cryptographically random bytes (a fresh array the caller owns). */
  randomBytes(length: number): Uint8Array
  /** Unpadded base64url (RFC 4648 section 5). */
  base64UrlEncode(bytes: Uint8Array): string
  /**
   * Strict unpadded base64url: `null` for any character outside the alphabet, padding, an
   * impossible length or non-zero unused bits (so each byte string has exactly one spelling).
   */
  base64UrlDecode(text: string): Uint8Array | null
}

/** AES-GCM parameters this kit uses: 12-byte IV, 16-byte tag, 32-byte (AES-256) key. */
export const aesGcmIvBytes = 12
export const aesGcmTagBytes = 16
export const aesGcmKeyBytes = 32
