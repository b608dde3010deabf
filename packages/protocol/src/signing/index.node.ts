// The `node` condition of @centagate-kit/protocol/signing: same API as ./index.ts on node:crypto.
import { createSigningApi } from './create-signing'
import { nodeCryptoEngine } from './node-crypto-engine'

export { canonicalString, describeSignedFields, fieldText } from './canonical-string'
export type { FieldValue, FieldValues } from './canonical-string'
export type { HmacSigner, SigningApi } from './create-signing'
export {
  type VerifyOrderOptions,
  signEndpointFields,
  verifyEndpointFields,
} from './endpoint-signing'

/** Which HMAC implementation this build uses. */
export const signingEngine: 'web-crypto' | 'node-crypto' = 'node-crypto'

export const {
  createHmacSigner,
  hmacSha256Hex,
  computeCenToken,
  verifyCenToken,
  timingSafeEqualText,
} = createSigningApi(nodeCryptoEngine)
