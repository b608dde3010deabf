import { type FieldValues, canonicalString } from './canonical-string'
import { hmacHexToBytes } from './hex'
import type { HmacEngine } from './hmac-engine'

/** HMAC-SHA256 bound to one secret: the app's secret key, or an admin session's secretCode. */
export interface HmacSigner {
  /** Lowercase hex HMAC of `message`. */
  sign(message: string): Promise<string>
  /** The HMAC of the canonical string of `fields` in `order`. */
  signFields(order: readonly string[], fields: FieldValues): Promise<string>
  /**
   * Whether `hmac` is the HMAC of `message`: constant time, and `false` (never a throw) for any
   * malformed value (wrong length, upper case, non-hex, not a string).
   */
  verify(message: string, hmac: unknown): Promise<boolean>
  /** {@link verify} over the canonical string of `fields` in `order`. */
  verifyFields(order: readonly string[], fields: FieldValues, hmac: unknown): Promise<boolean>
}

export interface SigningApi {
  /**
   * A signer for `secret` (UTF-8 bytes are the key).
   * @throws TypeError when the secret is empty or not a string.
   */
  createHmacSigner(secret: string): HmacSigner
  /** One-shot lowercase hex HMAC-SHA256. */
  hmacSha256Hex(secret: string, message: string): Promise<string>
  /**
   * `cenToken` for admin calls: HMAC-SHA256(key = secretCode, message = adminUsername + authToken)
   * in lowercase hex (API.md 1.4, 5.6).
   */
  computeCenToken(input: {
    secretCode: string
    adminUsername: string
    authToken: string
  }): Promise<string>
  /** Constant-time check of a presented cenToken; `false` for any malformed value. */
  verifyCenToken(
    input: { secretCode: string; adminUsername: string; authToken: string },
    cenToken: unknown,
  ): Promise<boolean>
  /** Constant-time equality of two strings (their UTF-8 bytes); lengths may leak. */
  timingSafeEqualText(a: string, b: string): boolean
}

const encoder = new TextEncoder()

/** Builds the signing API on a platform HMAC engine. */
export function createSigningApi(engine: HmacEngine): SigningApi {
  function createHmacSigner(secret: string): HmacSigner {
    if (typeof secret !== 'string' || secret.length === 0) {
      throw new TypeError('HMAC secret must be a non-empty string')
    }
    const key = engine.createKey(secret)
    const verify = async (message: string, hmac: unknown) => {
      const mac = hmacHexToBytes(hmac)
      return mac !== null && key.verify(message, mac)
    }
    return {
      sign: (message) => key.signHex(message),
      signFields: (order, fields) => key.signHex(canonicalString(order, fields)),
      verify,
      verifyFields: (order, fields, hmac) => verify(canonicalString(order, fields), hmac),
    }
  }

  const cenTokenMessage = (input: { adminUsername: string; authToken: string }) =>
    `${input.adminUsername}${input.authToken}`

  return {
    createHmacSigner,
    hmacSha256Hex: (secret, message) => createHmacSigner(secret).sign(message),
    computeCenToken: (input) => createHmacSigner(input.secretCode).sign(cenTokenMessage(input)),
    verifyCenToken: async (input, cenToken) => {
      if (typeof input.secretCode !== 'string' || input.secretCode.length === 0) return false
      return createHmacSigner(input.secretCode).verify(cenTokenMessage(input), cenToken)
    },
    timingSafeEqualText: (a, b) => engine.timingSafeEqual(encoder.encode(a), encoder.encode(b)),
  }
}
