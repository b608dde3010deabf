/**
 * The CENTAGATE response envelope `{code, message, object}` (API.md 1.3), parsed robustly:
 * `code` may be a string or a number, `object` is usually JSON text inside a string (parse again),
 * sometimes a real JSON value (admin calls), sometimes a bare value, and `""` means absent.
 */
import type { z } from 'zod'
import type { EndpointDefinition } from './endpoints'
import { type PayloadKind, type PayloadOf, payloadDecoders } from './payloads'

export interface Envelope {
  /** The return code as a string of digits, `"0"` on success. */
  readonly code: string
  /** Human-readable text for the code; never parse it. */
  readonly message: string
  /** The payload, parsed a second time when it was JSON text; `undefined` when absent or `""`. */
  readonly object: unknown
}

export type EnvelopeErrorReason =
  'not_json' | 'not_an_envelope' | 'bad_code' | 'bad_message' | 'bad_object_json' | 'bad_payload'

/** A body that is not a CENTAGATE envelope, or whose payload does not match its endpoint. */
export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError'
  constructor(
    readonly reason: EnvelopeErrorReason,
    detail: string,
  ) {
    super(`malformed CENTAGATE response (${reason}): ${detail}`)
  }
}

const codePattern = /^-?\d{1,9}$/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseCode(code: unknown): string {
  if (typeof code === 'number' && Number.isInteger(code)) return String(code)
  if (typeof code === 'string' && codePattern.test(code.trim())) return String(Number(code.trim()))
  throw new EnvelopeError(
    'bad_code',
    `code must be an integer or a string of digits, got ${typeof code}`,
  )
}

function parseObject(object: unknown): unknown {
  if (object === undefined || object === null) return undefined
  if (typeof object !== 'string') return object
  const trimmed = object.trim()
  if (trimmed === '') return undefined
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown
    } catch {
      throw new EnvelopeError('bad_object_json', 'object looks like JSON text but does not parse')
    }
  }
  // A bare value (token status "1", a new user id): keep it as it came.
  return object
}

/**
 * Parses a CENTAGATE response body (the raw text, or an already-decoded JSON value).
 * @throws EnvelopeError when the body is not such an envelope.
 */
export function parseEnvelope(body: unknown): Envelope {
  let value = body
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body) as unknown
    } catch {
      throw new EnvelopeError('not_json', 'body is not JSON')
    }
  }
  if (!isRecord(value) || !('code' in value)) {
    throw new EnvelopeError('not_an_envelope', 'body is not an object with a code')
  }
  const message = value.message ?? ''
  if (typeof message !== 'string') throw new EnvelopeError('bad_message', 'message is not a string')
  return { code: parseCode(value.code), message, object: parseObject(value.object) }
}

/** Like {@link parseEnvelope} but returns the error instead of throwing. */
export function safeParseEnvelope(
  body: unknown,
): { ok: true; envelope: Envelope } | { ok: false; error: EnvelopeError } {
  try {
    return { ok: true, envelope: parseEnvelope(body) }
  } catch (error) {
    if (error instanceof EnvelopeError) return { ok: false, error }
    throw error
  }
}

/** `true` when the envelope reports success (`code "0"`). */
export function isSuccess(envelope: Envelope): boolean {
  return envelope.code === '0'
}

/**
 * Decodes the success payload of `endpoint` with its catalogued decoder.
 * @throws EnvelopeError (`bad_payload`) when the object does not match; the message names the
 *   failing members but never their values (they may hold tokens).
 */
export function decodePayload<E extends EndpointDefinition & { payload: PayloadKind }>(
  endpoint: E,
  envelope: Envelope,
): PayloadOf<E['payload']> {
  const decoder = payloadDecoders[endpoint.payload] as z.ZodType
  const result = decoder.safeParse(envelope.object)
  if (!result.success) {
    const members = result.error.issues.map((issue) => issue.path.join('.') || '(object)')
    throw new EnvelopeError('bad_payload', `${endpoint.name}: unexpected ${members.join(', ')}`)
  }
  return result.data as PayloadOf<E['payload']>
}
