/**
 * The sealed flow cookie: a JWE in compact serialisation (RFC 7516) with `alg: dir`,
 * `enc: A256GCM` and a `kid` header, so that secrets can be rotated: the first secret seals, all
 * are accepted. The payload is a JWT claims set `{ s: state, iat, exp }`, byte-for-byte what jose's
 * `EncryptJWT` wrote before (cookies stay valid across the upgrade; jose opens ours). Written here
 * on the `#server-crypto` engine because jose on Web Crypto cost ~160 us per seal on Node.
 * Anything that does not open (unknown or removed key, tampering, expiry, wrong shape) is
 * "no flow", never an error page.
 */
import { serverCrypto } from '#server-crypto'
import type { AesGcmKey, ServerCrypto } from '../crypto/server-crypto'
import { deriveKey } from '../encoding'
import type { FlowState } from './flow-state'

export interface CookieSecret {
  /** Key id written in the JWE header. */
  id: string
  /** At least 32 characters. */
  secret: string
}

export const maxCookieBytes = 4096

export interface FlowSealer {
  seal(state: FlowState, now: number): Promise<string>
  open(token: string | undefined, now: number): Promise<FlowState | null>
}

/** One accepted key: its exact encoded protected header (also the AAD) and its AES key. */
interface SealingKey {
  header: string
  additionalData: Uint8Array
  key: Promise<AesGcmKey>
}

const encoder = new TextEncoder()
// Fatal like jose's decoder: a plaintext that is not UTF-8 is not a claims set.
const decoder = new TextDecoder('utf-8', { fatal: true })
/** base64url lengths of the fixed-size parts: 12-byte IV, 16-byte tag. */
const ivChars = 16
const tagChars = 22

/** NumericDate (whole seconds) of an epoch-ms time, as jose's `setIssuedAt(number)` takes it. */
function numericDate(epochMs: number, claim: string): number {
  const seconds = Math.floor(epochMs / 1000)
  if (!Number.isFinite(seconds)) throw new TypeError(`"${claim}" claim must be a finite number`)
  return seconds
}

function isFlowState(value: unknown, now: number): value is FlowState {
  if (typeof value !== 'object' || value === null) return false
  const state = value as Partial<FlowState>
  // Factor flows sealed by earlier versions (steps `choose_method`/`awaiting_code`, state in the
  // cookie) do not open: they have no record in the store.
  return (
    typeof state.fid === 'string' &&
    typeof state.username === 'string' &&
    (state.step === 'factor' || state.step === 'enrol') &&
    typeof state.expiresAt === 'number' &&
    state.expiresAt > now
  )
}

/**
 * The claims' `s` if the claims set is valid at `now` (ms) by jose's `jwtDecrypt` rules with no
 * clock tolerance: a top-level object, `iat`/`nbf`/`exp` numbers when present, `nbf <= now`,
 * `exp > now` in whole seconds. `iat` and `exp` are required: every cookie the kit wrote has them.
 */
function validState(claims: unknown, now: number): FlowState | null {
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return null
  const { s, iat, nbf, exp } = claims as Record<string, unknown>
  const nowSeconds = Math.floor(now / 1000)
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp <= nowSeconds) return null
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds)) return null
  return isFlowState(s, now) ? s : null
}

/**
 * The kit's flow-cookie sealer for `secrets` (the first seals, all open). `engine` defaults to
 * the build's `#server-crypto` engine (node:crypto on Node, Web Crypto elsewhere); both write and
 * read the same cookies.
 */
export function createFlowSealer(
  secrets: readonly CookieSecret[],
  engine: ServerCrypto = serverCrypto,
): FlowSealer {
  if (secrets.length === 0) throw new TypeError('at least one cookie secret is required')
  // Keyed by the whole encoded header: a cookie opens only if its header is exactly one we write
  // (so `zip`, `crit`, other algorithms or extra members never reach the decryption).
  const byHeader = new Map<string, SealingKey>()
  for (const { id, secret } of secrets) {
    // Member order as jose wrote it, so earlier cookies have the very same header text.
    const header = engine.base64UrlEncode(
      encoder.encode(JSON.stringify({ alg: 'dir', enc: 'A256GCM', kid: id })),
    )
    if (byHeader.has(header)) continue
    const key = deriveKey(secret, 'flow-cookie', engine).then((raw) => engine.createAesGcmKey(raw))
    // Rejections surface when the key is used (seal throws, open answers null), not as unhandled.
    key.catch(() => undefined)
    byHeader.set(header, { header, additionalData: encoder.encode(header), key })
  }
  const current = [...byHeader.values()][0]!
  const encode = (bytes: Uint8Array) => engine.base64UrlEncode(bytes)

  return {
    async seal(state, now) {
      const claims = {
        s: state,
        iat: numericDate(now, 'iat'),
        exp: numericDate(state.expiresAt, 'exp'),
      }
      const iv = engine.randomBytes(12)
      const { ciphertext, tag } = await (
        await current.key
      ).seal(iv, encoder.encode(JSON.stringify(claims)), current.additionalData)
      // The encrypted-key part is empty for `dir`.
      return `${current.header}..${encode(iv)}.${encode(ciphertext)}.${encode(tag)}`
    },
    async open(token, now) {
      if (token === undefined || token.length === 0 || token.length > maxCookieBytes) return null
      const parts = token.split('.')
      if (parts.length !== 5) return null
      const [header, encryptedKey, ivText, ciphertextText, tagText] = parts as [
        string,
        string,
        string,
        string,
        string,
      ]
      const entry = byHeader.get(header)
      if (entry === undefined || encryptedKey !== '') return null
      if (ivText.length !== ivChars || tagText.length !== tagChars) return null
      const iv = engine.base64UrlDecode(ivText)
      const ciphertext = engine.base64UrlDecode(ciphertextText)
      const tag = engine.base64UrlDecode(tagText)
      if (iv === null || ciphertext === null || tag === null) return null
      try {
        const plaintext = await (await entry.key).open(iv, ciphertext, tag, entry.additionalData)
        if (plaintext === null) return null
        return validState(JSON.parse(decoder.decode(plaintext)), now)
      } catch {
        return null
      }
    },
  }
}
