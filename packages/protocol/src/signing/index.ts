/**
 * `@centagate-kit/protocol/signing`: the canonical string, HMAC-SHA256 (Web Crypto), constant-time
 * verification and `cenToken`. Server-side only (the signing server and the emulator): browser
 * packages are forbidden to import it by lint rule and bundle check.
 */
import { createSigningApi } from './create-signing'
import { webCryptoEngine } from './web-crypto-engine'

export { canonicalString, describeSignedFields, fieldText } from './canonical-string'
export type { FieldValue, FieldValues } from './canonical-string'
export type { HmacSigner, SigningApi } from './create-signing'
export {
  type VerifyOrderOptions,
  signEndpointFields,
  verifyEndpointFields,
} from './endpoint-signing'

/** Which HMAC implementation this build uses. */
export const signingEngine: 'web-crypto' | 'node-crypto' = 'web-crypto'

export const {
  createHmacSigner,
  hmacSha256Hex,
  computeCenToken,
  verifyCenToken,
  timingSafeEqualText,
} = createSigningApi(webCryptoEngine)
