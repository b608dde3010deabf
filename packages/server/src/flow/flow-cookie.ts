/**
 * The sealed flow cookie: jose JWE (`dir` + `A256GCM`) with a `kid` header, so that secrets can be
 * rotated: the first secret seals, all are accepted. Anything that does not open (unknown or
 * removed key, tampering, expiry, wrong shape) is "no flow", never an error page.
 */
import { EncryptJWT, jwtDecrypt } from 'jose'
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

export function createFlowSealer(secrets: readonly CookieSecret[]): FlowSealer {
  if (secrets.length === 0) throw new TypeError('at least one cookie secret is required')
  const keys = new Map<string, Promise<Uint8Array>>(
    secrets.map((entry) => [entry.id, deriveKey(entry.secret, 'flow-cookie')]),
  )
  const current = secrets[0]!
  return {
    async seal(state, now) {
      return new EncryptJWT({ s: state })
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: current.id })
        .setIssuedAt(Math.floor(now / 1000))
        .setExpirationTime(Math.floor(state.expiresAt / 1000))
        .encrypt(await keys.get(current.id)!)
    },
    async open(token, now) {
      if (token === undefined || token.length === 0 || token.length > maxCookieBytes) return null
      try {
        const { payload } = await jwtDecrypt(
          token,
          async (header) => {
            const key = header.kid === undefined ? undefined : keys.get(header.kid)
            if (key === undefined) throw new Error('unknown key id')
            return key
          },
          {
            keyManagementAlgorithms: ['dir'],
            contentEncryptionAlgorithms: ['A256GCM'],
            currentDate: new Date(now),
          },
        )
        const state = (payload as { s?: FlowState }).s
        if (typeof state !== 'object' || state === null) return null
        if (typeof state.username !== 'string' || typeof state.authToken !== 'string') return null
        if (typeof state.expiresAt !== 'number' || state.expiresAt <= now) return null
        return state
      } catch {
        return null
      }
    },
  }
}
