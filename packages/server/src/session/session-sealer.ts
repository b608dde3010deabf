/**
 * Seals the CENTAGATE session a completed login leaves behind (the user and the login's last
 * authToken) into a cookie value the browser can neither read nor forge: AES-256-GCM under a key
 * derived from each cookie secret with its own label (`centagate-session`), so a flow cookie never
 * opens as a session cookie nor the reverse; the key id travels in the clear for rotation (the
 * first secret seals, all open). Format: `kid.iv.ciphertext.tag` (base64url); the AAD binds the
 * key id. Anything that does not open, or has expired, is "no session", never an error.
 */
import { serverCrypto } from '#server-crypto'
import type { AesGcmKey, ServerCrypto } from '../crypto/server-crypto'
import { deriveKey } from '../encoding'
import type { CookieSecret } from '../flow/flow-cookie'

/** What `kit.logout(request)` needs to end the user's CENTAGATE session. */
export interface CentagateSession {
  username: string
  /** The last authToken of the completed login. */
  authToken: string
  /** Epoch ms after which the cookie is ignored. */
  expiresAt: number
}

export interface SessionSealer {
  seal(session: CentagateSession): Promise<string>
  open(value: string | undefined, now: number): Promise<CentagateSession | null>
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })
const maxValueLength = 2048

function isSession(value: unknown, now: number): value is { u: string; t: string; e: number } {
  if (typeof value !== 'object' || value === null) return false
  const { u, t, e } = value as Record<string, unknown>
  return (
    typeof u === 'string' &&
    u.length > 0 &&
    typeof t === 'string' &&
    t.length > 0 &&
    typeof e === 'number' &&
    e > now
  )
}

export function createSessionSealer(
  secrets: readonly CookieSecret[],
  engine: ServerCrypto = serverCrypto,
): SessionSealer {
  const keys = new Map<string, Promise<AesGcmKey>>()
  for (const { id, secret } of secrets) {
    if (keys.has(id)) continue
    const key = deriveKey(secret, 'centagate-session', engine).then((raw) =>
      engine.createAesGcmKey(raw),
    )
    key.catch(() => undefined)
    keys.set(id, key)
  }
  const [currentId] = [...keys.keys()]
  if (currentId === undefined) throw new TypeError('at least one cookie secret is required')
  const aad = (id: string) => encoder.encode(`centagate-session:${id}`)
  const encode = (bytes: Uint8Array) => engine.base64UrlEncode(bytes)

  return {
    async seal(session) {
      const iv = engine.randomBytes(12)
      const plaintext = encoder.encode(
        JSON.stringify({ u: session.username, t: session.authToken, e: session.expiresAt }),
      )
      const key = await keys.get(currentId)!
      const { ciphertext, tag } = await key.seal(iv, plaintext, aad(currentId))
      return `${currentId}.${encode(iv)}.${encode(ciphertext)}.${encode(tag)}`
    },
    async open(value, now) {
      if (value === undefined || value.length === 0 || value.length > maxValueLength) return null
      const parts = value.split('.')
      if (parts.length !== 4) return null
      const [id, ivText, ciphertextText, tagText] = parts as [string, string, string, string]
      const key = keys.get(id)
      const iv = engine.base64UrlDecode(ivText)
      const ciphertext = engine.base64UrlDecode(ciphertextText)
      const tag = engine.base64UrlDecode(tagText)
      if (key === undefined || iv === null || ciphertext === null || tag === null) return null
      if (iv.length !== 12 || tag.length !== 16) return null
      try {
        const plaintext = await (await key).open(iv, ciphertext, tag, aad(id))
        if (plaintext === null) return null
        const claims = JSON.parse(decoder.decode(plaintext)) as unknown
        if (!isSession(claims, now)) return null
        return { username: claims.u, authToken: claims.t, expiresAt: claims.e }
      } catch {
        return null
      }
    },
  }
}
