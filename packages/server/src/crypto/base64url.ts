/**
 * Unpadded base64url (RFC 4648 section 5) in plain JavaScript, for the Web Crypto engine (Node's
 * engine has a native codec). Table driven: `btoa` over a char-by-char binary string costs ~3x
 * more for a flow cookie's ciphertext.
 */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** All 4,096 two-character spellings of 12 bits: one lookup per 12 bits instead of per 6. */
const pairs: string[] = []
for (const first of alphabet) for (const second of alphabet) pairs.push(first + second)

/** 6-bit value of each ASCII code, -1 outside the alphabet. */
const values = new Int8Array(128).fill(-1)
for (let index = 0; index < alphabet.length; index++) values[alphabet.charCodeAt(index)] = index

/** Unpadded base64url of `bytes`. */
export function encodeBase64Url(bytes: Uint8Array): string {
  const length = bytes.length
  const whole = length - (length % 3)
  let text = ''
  let index = 0
  for (; index < whole; index += 3) {
    const bits = (bytes[index]! << 16) | (bytes[index + 1]! << 8) | bytes[index + 2]!
    text += pairs[bits >> 12]! + pairs[bits & 4095]!
  }
  if (length - whole === 1) {
    text += pairs[bytes[index]! << 4]!
  } else if (length - whole === 2) {
    const bits = (bytes[index]! << 16) | (bytes[index + 1]! << 8)
    text += pairs[bits >> 12]! + alphabet[(bits >> 6) & 63]!
  }
  return text
}

function valueAt(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return code < 128 ? values[code]! : -1
}

/**
 * The bytes of strict unpadded base64url `text`, or `null` for a character outside the alphabet
 * (padding included), a length of 4n+1, or non-zero unused bits in the last character.
 */
export function decodeBase64Url(text: string): Uint8Array | null {
  const length = text.length
  const rest = length % 4
  if (rest === 1) return null
  const bytes = new Uint8Array((length * 3) >> 2)
  const whole = length - rest
  let out = 0
  for (let index = 0; index < whole; index += 4) {
    const bits =
      (valueAt(text, index) << 18) |
      (valueAt(text, index + 1) << 12) |
      (valueAt(text, index + 2) << 6) |
      valueAt(text, index + 3)
    // Any -1 sets the sign bit (or every bit), so one test covers the four characters.
    if (bits < 0) return null
    bytes[out++] = bits >> 16
    bytes[out++] = (bits >> 8) & 255
    bytes[out++] = bits & 255
  }
  if (rest === 2) {
    const first = valueAt(text, whole)
    const second = valueAt(text, whole + 1)
    if (first < 0 || second < 0 || (second & 15) !== 0) return null
    bytes[out] = (first << 2) | (second >> 4)
  } else if (rest === 3) {
    const first = valueAt(text, whole)
    const second = valueAt(text, whole + 1)
    const third = valueAt(text, whole + 2)
    if (first < 0 || second < 0 || third < 0 || (third & 3) !== 0) return null
    bytes[out++] = (first << 2) | (second >> 4)
    bytes[out] = ((second & 15) << 4) | (third >> 2)
  }
  return bytes
}
