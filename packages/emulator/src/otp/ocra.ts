/**
 * OCRA, the OATH challenge-response algorithm (RFC 6287), over Web Crypto HMAC so that it runs in
 * browsers and Node. No maintained npm package implements it (anchors-security T-A3), and the
 * emulator needs it for hardware challenge-response tokens and for QR signing.
 */
import { bytesToHex, hexToBytes, utf8 } from '../encoding'

export type OcraHash = 'SHA1' | 'SHA256' | 'SHA512'

/** A parsed OCRA suite such as `OCRA-1:HOTP-SHA1-6:QN08`. */
export interface OcraSuite {
  readonly text: string
  readonly hash: OcraHash
  /** Number of digits of the response; 0 means the full HMAC in hex. */
  readonly digits: number
  readonly counter: boolean
  readonly question: { readonly format: 'N' | 'A' | 'H'; readonly maxLength: number }
  readonly pin: OcraHash | null
  /** Session information length in bytes. */
  readonly session: number | null
  /** Time-step size in seconds. */
  readonly timeStep: number | null
}

export class OcraSuiteError extends Error {
  override readonly name = 'OcraSuiteError'
}

const hashBytes: Record<OcraHash, number> = { SHA1: 20, SHA256: 32, SHA512: 64 }
const webCryptoHash: Record<OcraHash, string> = {
  SHA1: 'SHA-1',
  SHA256: 'SHA-256',
  SHA512: 'SHA-512',
}
const timeUnits: Record<string, number> = { S: 1, M: 60, H: 3600 }

function isHash(value: string): value is OcraHash {
  return value === 'SHA1' || value === 'SHA256' || value === 'SHA512'
}

/**
 * Parses an OCRA suite string.
 * @throws OcraSuiteError when the suite is not a valid RFC 6287 suite.
 */
export function parseOcraSuite(text: string): OcraSuite {
  const parts = text.split(':')
  if (parts.length !== 3 || parts[0] !== 'OCRA-1') {
    throw new OcraSuiteError(`not an OCRA-1 suite: ${text}`)
  }
  const crypto = /^HOTP-(SHA1|SHA256|SHA512)-(\d{1,2})$/.exec(parts[1] ?? '')
  if (!crypto) throw new OcraSuiteError(`bad CryptoFunction in ${text}`)
  const hash = crypto[1] as OcraHash
  const digits = Number(crypto[2])
  if (digits !== 0 && (digits < 4 || digits > 10)) {
    throw new OcraSuiteError(`digits must be 0 or 4-10 in ${text}`)
  }
  let counter = false
  let question: OcraSuite['question'] | null = null
  let pin: OcraHash | null = null
  let session: number | null = null
  let timeStep: number | null = null
  const inputs = (parts[2] ?? '').split('-')
  inputs.forEach((input, index) => {
    if (input === 'C' && index === 0) {
      counter = true
      return
    }
    const q = /^Q([NAH])(\d{2})$/.exec(input)
    if (q && question === null) {
      const maxLength = Number(q[2])
      if (maxLength < 4 || maxLength > 64) throw new OcraSuiteError(`question length in ${text}`)
      question = { format: q[1] as 'N' | 'A' | 'H', maxLength }
      return
    }
    const p = /^P(SHA1|SHA256|SHA512)$/.exec(input)
    if (p && pin === null && p[1] && isHash(p[1])) {
      pin = p[1]
      return
    }
    const s = /^S(\d{3})$/.exec(input)
    if (s && session === null) {
      session = Number(s[1])
      return
    }
    const t = /^T(\d{1,2})([SMH])$/.exec(input)
    if (t && timeStep === null) {
      timeStep = Number(t[1]) * (timeUnits[t[2] ?? 'S'] ?? 1)
      return
    }
    throw new OcraSuiteError(`unknown DataInput "${input}" in ${text}`)
  })
  if (question === null) throw new OcraSuiteError(`a question (Q) is required in ${text}`)
  return { text, hash, digits, counter, question, pin, session, timeStep }
}

export interface OcraInput {
  /** Counter value (suites with `C`). */
  readonly counter?: number | bigint
  /** The challenge question in the suite's format (N decimal digits, A text, H hex). */
  readonly question: string
  /** The PIN in clear (hashed with the suite's P hash), or `pinHash` as hex. */
  readonly pin?: string
  readonly pinHash?: string
  /** Session information as hex (suites with `S`). */
  readonly sessionHex?: string
  /** Time in steps (suites with `T`); or `timeSeconds` to derive it from the suite's step. */
  readonly timeSteps?: number | bigint
  readonly timeSeconds?: number
}

function uint64(value: number | bigint): Uint8Array {
  const bytes = new Uint8Array(8)
  new DataView(bytes.buffer).setBigUint64(0, BigInt(value))
  return bytes
}

function questionBytes(suite: OcraSuite, question: string): Uint8Array {
  const { format, maxLength } = suite.question
  // Mutual challenge-response (RFC 6287 7.3) concatenates the client and server questions, so a
  // question may be up to twice the suite's length.
  if (question.length < 4 || question.length > maxLength * 2) {
    throw new OcraSuiteError(`question length must be 4-${maxLength * 2}`)
  }
  let hex: string
  if (format === 'N') {
    if (!/^\d+$/.test(question)) throw new OcraSuiteError('numeric question expected')
    hex = BigInt(question).toString(16)
  } else if (format === 'A') {
    hex = bytesToHex(utf8(question))
  } else {
    if (!/^[0-9a-fA-F]+$/.test(question)) throw new OcraSuiteError('hex question expected')
    hex = question
  }
  // RFC 6287 5.1: the question is right-padded with zeros to 128 bytes.
  return hexToBytes(hex.padEnd(256, '0').slice(0, 256))
}

async function digest(hash: OcraHash, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(webCryptoHash[hash], data))
}

/** The OCRA DataInput message (RFC 6287 5.1): suite, 0x00, C, Q, P, S, T. */
export async function ocraMessage(suite: OcraSuite, input: OcraInput): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [utf8(suite.text), new Uint8Array([0])]
  if (suite.counter) chunks.push(uint64(input.counter ?? 0))
  chunks.push(questionBytes(suite, input.question))
  if (suite.pin) {
    let pin: Uint8Array
    if (input.pinHash !== undefined) pin = hexToBytes(input.pinHash)
    else if (input.pin !== undefined) pin = await digest(suite.pin, utf8(input.pin))
    else throw new OcraSuiteError('suite needs a PIN')
    if (pin.length !== hashBytes[suite.pin]) throw new OcraSuiteError('PIN hash has wrong length')
    chunks.push(pin)
  }
  if (suite.session !== null) {
    const hex = (input.sessionHex ?? '').padStart(suite.session * 2, '0')
    const bytes = hexToBytes(hex)
    if (bytes.length !== suite.session) throw new OcraSuiteError('session information too long')
    chunks.push(bytes)
  }
  if (suite.timeStep !== null) {
    const steps =
      input.timeSteps ??
      (input.timeSeconds !== undefined ? Math.floor(input.timeSeconds / suite.timeStep) : undefined)
    if (steps === undefined) throw new OcraSuiteError('suite needs a time value')
    chunks.push(uint64(steps))
  }
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0)
  const message = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    message.set(chunk, offset)
    offset += chunk.length
  }
  return message
}

/**
 * The OCRA response for `key` (raw bytes) and `input` under `suite`.
 * @throws OcraSuiteError when the input does not fit the suite.
 */
export async function computeOcra(
  suite: OcraSuite | string,
  key: Uint8Array<ArrayBuffer>,
  input: OcraInput,
): Promise<string> {
  const parsed = typeof suite === 'string' ? parseOcraSuite(suite) : suite
  const message = await ocraMessage(parsed, input)
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    key,
    { name: 'HMAC', hash: webCryptoHash[parsed.hash] },
    false,
    ['sign'],
  )
  const mac = new Uint8Array(
    await crypto.subtle.sign('HMAC', cryptoKey, message as Uint8Array<ArrayBuffer>),
  )
  if (parsed.digits === 0) return bytesToHex(mac)
  // Dynamic truncation, as in HOTP (RFC 4226 5.3).
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f
  const binary =
    (((mac[offset] ?? 0) & 0x7f) << 24) |
    ((mac[offset + 1] ?? 0) << 16) |
    ((mac[offset + 2] ?? 0) << 8) |
    (mac[offset + 3] ?? 0)
  return String(binary % 10 ** parsed.digits).padStart(parsed.digits, '0')
}
