/**
 * Byte/text encodings without Buffer, so the core runs in browsers (Storybook) as well as Node.
 */
const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text)
}

/** Lowercase hex of bytes. */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = ''
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/** Bytes of an even-length hex string. @throws TypeError for anything else. */
export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new TypeError('hexToBytes: not an even-length hex string')
  }
  const bytes = new Uint8Array(hex.length / 2)
  for (let index = 0; index < bytes.length; index++) {
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16)
  }
  return bytes
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Base64 (standard or URL alphabet, padding optional) to bytes, or `null` when it is not Base64. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  const normalised = text.trim().replace(/-/g, '+').replace(/_/g, '/')
  if (normalised.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(normalised)) return null
  const padded = normalised.padEnd(Math.ceil(normalised.length / 4) * 4, '=')
  try {
    const binary = atob(padded)
    const bytes = new Uint8Array(binary.length)
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
    return bytes
  } catch {
    return null
  }
}

export function base64UrlEncodeText(text: string): string {
  return bytesToBase64(utf8(text)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** UTF-8 text of Base64, or `null` when the input is not Base64 of valid UTF-8. */
export function base64DecodeText(text: string): string | null {
  const bytes = base64ToBytes(text)
  if (bytes === null) return null
  try {
    return decoder.decode(bytes)
  } catch {
    return null
  }
}

export function textToBase64(text: string): string {
  return bytesToBase64(utf8(text))
}
