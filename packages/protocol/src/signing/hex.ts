const lowerHex64 = /^[0-9a-f]{64}$/

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let hex = ''
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/**
 * The 32 bytes of a lowercase 64-character hex HMAC, or `null` for anything else (upper case,
 * wrong length, non-hex): CENTAGATE HMACs are lowercase hex (API.md 1.5).
 */
export function hmacHexToBytes(hex: unknown): Uint8Array<ArrayBuffer> | null {
  if (typeof hex !== 'string' || !lowerHex64.test(hex)) return null
  const bytes = new Uint8Array(32)
  for (let index = 0; index < 32; index++) {
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16)
  }
  return bytes
}
