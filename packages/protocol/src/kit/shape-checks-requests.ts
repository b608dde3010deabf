/**
 * Request checks for the browser client (see `shape-checks.ts`): the browser normalises first
 * (trim, upper-case serials), then checks; the server validates again with the zod schemas, so
 * this only spares a round trip.
 */
import { otpCodePattern } from './otp-code'
import type { KitRouteSchemas } from './schemas'
import {
  type Check,
  has,
  isRecord,
  object,
  oneOf,
  optional,
  str,
  transactionId,
} from './shape-checks-combinators'

const device = object({ userAgent: str(0, 512), browserFp: str(0, 64, /^[A-Za-z0-9_-]*$/) })
const otpCode = str(4, 10, otpCodePattern)
type Shape = Record<string, Check>
const requestShapes: Record<string, Shape | ((body: Record<string, unknown>) => Shape)> = {
  'login/start': {
    username: str(1, 64, /^[\p{L}\p{N}._@+-]+$/u),
    password: optional(str(1, 256)),
    device,
  },
  'stepup/start': { transactionId: optional(transactionId), device },
  'sms/send': { device },
  'sms/verify': { code: otpCode, device },
  'challenge/send': { device },
  'challenge/verify': { response: otpCode, device },
  'qr/send': { device },
  'qr/status': { device },
  'qr/verify': { otp: otpCode, device },
  'tokens/register': (body) =>
    body.kind === 'hardware'
      ? { kind: oneOf('hardware'), serial: str(4, 32, /^[A-Z0-9]+$/), device }
      : { kind: oneOf('sms'), phoneNumber: str(9, 16, /^\+[1-9][0-9]{7,14}$/), device },
  'flow/cancel': { device },
}

/**
 * The normalisations the zod request schemas apply (trimmed username, trimmed upper-case serial),
 * so that the browser sends what the server would have parsed.
 */
export function normalizeKitRequest<T extends Record<string, unknown>>(
  route: keyof KitRouteSchemas,
  body: T,
): T {
  if (route === 'login/start' && typeof body.username === 'string') {
    return { ...body, username: body.username.trim() }
  }
  if (route === 'tokens/register' && body.kind === 'hardware' && typeof body.serial === 'string') {
    return { ...body, serial: body.serial.trim().toUpperCase() }
  }
  return body
}

/**
 * The names of the fields of a (normalised) request body that the server would reject (unknown
 * keys included); `[]` when the body is valid. Field names only, never values.
 */
export function kitRequestProblems(route: keyof KitRouteSchemas, body: unknown): string[] {
  const entry = requestShapes[route]
  if (entry === undefined || !isRecord(body)) return ['(body)']
  const shape = typeof entry === 'function' ? entry(body) : entry
  const unknownKeys = Object.keys(body).filter((key) => !has(shape, key))
  const invalid = Object.entries(shape)
    .filter(([key, check]) => !check(has(body, key) ? body[key] : undefined))
    .map(([key]) => key)
  return [...unknownKeys, ...invalid]
}
