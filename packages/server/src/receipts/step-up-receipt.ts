/**
 * Step-up receipts: a short-lived JWS (HS256) held in an HttpOnly cookie, bound to the user
 * (`sub`), the method (`amr`), the authentication time (`auth_time`), the transaction (`tid`,
 * `txh` = SHA-256 of id + summary + value) and a unique `jti` that is consumed on use.
 */
import { SignJWT, jwtVerify } from 'jose'
import { sha256Hex } from '../encoding'

export interface ReceiptClaims {
  sub: string
  amr: string
  /** Epoch seconds. */
  auth_time: number
  jti: string
  tid?: string
  txh?: string
  /** Epoch seconds. */
  exp: number
}

export const receiptCookieBaseName = 'centagate-stepup'

/** The transaction hash a receipt is bound to (unambiguous: JSON array of the three parts). */
export function transactionHash(
  id: string,
  summary: string,
  value: string | undefined,
): Promise<string> {
  return sha256Hex(JSON.stringify([id, summary, value ?? '']))
}

export async function signReceipt(key: Uint8Array, claims: ReceiptClaims): Promise<string> {
  const { exp, ...rest } = claims
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'centagate-stepup+jwt' })
    .setExpirationTime(exp)
    .setIssuedAt(claims.auth_time)
    .sign(key)
}

/** The claims of a valid, unexpired receipt, or `null`. */
export async function verifyReceipt(
  key: Uint8Array,
  token: string | undefined,
  now: number,
): Promise<ReceiptClaims | null> {
  if (token === undefined || token.length === 0 || token.length > 4096) return null
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      typ: 'centagate-stepup+jwt',
      currentDate: new Date(now),
    })
    if (
      typeof payload.sub !== 'string' ||
      typeof payload.jti !== 'string' ||
      typeof payload.amr !== 'string' ||
      typeof payload.auth_time !== 'number' ||
      typeof payload.exp !== 'number'
    ) {
      return null
    }
    return payload as unknown as ReceiptClaims
  } catch {
    return null
  }
}
