/**
 * Dependency-free checks of the kit contract for browsers. The zod schemas of `schemas.ts` are the
 * source of truth (the server validates every request with them); shipping zod to every page
 * would cost ~10 KB gzip of a 25 KB widget budget, so the browser client checks the same shapes
 * with these few combinators instead. `shape-checks.test.ts` proves the two agree on valid bodies
 * and on every single-field mutation of them.
 */
import { kitErrors } from './errors'
import { kitMethods } from './methods'
import type { KitErrorBody, KitResponse, KitRouteSchemas } from './schemas'

type Check = (value: unknown) => boolean

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const str =
  (min: number, max: number, pattern?: RegExp): Check =>
  (value) =>
    typeof value === 'string' &&
    value.length >= min &&
    value.length <= max &&
    (pattern === undefined || pattern.test(value))
const int =
  (min: number): Check =>
  (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min
const oneOf =
  (...options: readonly unknown[]): Check =>
  (value) =>
    options.includes(value)
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value)
const array =
  (item: Check, min: number, max: number): Check =>
  (value) =>
    Array.isArray(value) && value.length >= min && value.length <= max && value.every(item)
/** A strict object: every key known, every known key valid (absent keys are `undefined`). */
const object =
  (shape: Record<string, Check>): Check =>
  (value) =>
    isRecord(value) &&
    Object.keys(value).every((key) => Object.prototype.hasOwnProperty.call(shape, key)) &&
    Object.entries(shape).every(([key, check]) =>
      check(Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined),
    )
const anyOf =
  (...checks: Check[]): Check =>
  (value) =>
    checks.some((check) => check(value))

const epochMs = int(0)
const transactionId = str(1, 64, /^[A-Za-z0-9._:-]+$/)
const flow = oneOf('login', 'stepup')
const transaction = object({
  id: transactionId,
  summary: str(1, 512),
  fields: array(object({ name: str(1, 64), label: str(1, 128), value: str(0, 256) }), 0, 20),
})
const serverTime = { serverTime: epochMs }

const factorRequired = object({
  status: oneOf('factor_required'),
  flow,
  methods: array(object({ method: oneOf(...kitMethods), hint: optional(str(0, 64)) }), 1, Infinity),
  transaction: optional(transaction),
  flowExpiresAt: epochMs,
  ...serverTime,
})
const authenticated = object({
  status: oneOf('authenticated'),
  flow,
  method: oneOf(...kitMethods, 'password'),
  authTime: epochMs,
  receipt: optional(object({ expiresAt: epochMs, transactionId: optional(transactionId) })),
  app: optional(isRecord),
  ...serverTime,
})
const flowResponse = anyOf(factorRequired, authenticated)
const sent = (method: string, shape: Record<string, Check>) =>
  object({
    status: oneOf('sent'),
    method: oneOf(method),
    expiresAt: epochMs,
    attemptsLeft: int(0),
    ...serverTime,
    ...shape,
  })

const responseChecks: Record<string, Check> = {
  'login/start': flowResponse,
  'stepup/start': flowResponse,
  'sms/send': sent('sms', {
    maskedPhone: str(0, 32),
    resendAvailableAt: epochMs,
    sendsLeft: int(0),
  }),
  'sms/verify': flowResponse,
  'challenge/send': sent('challenge', { challenge: str(1, 32) }),
  'challenge/verify': flowResponse,
  'qr/send': sent('qr', {
    qrValue: str(1, 2048),
    manualCode: str(1, 32),
    transaction: optional(transaction),
    pollAfterMs: int(1),
  }),
  'qr/status': anyOf(
    object({ status: oneOf('pending'), expiresAt: epochMs, pollAfterMs: int(1), ...serverTime }),
    object({ status: oneOf('rejected', 'expired'), ...serverTime }),
    flowResponse,
  ),
  'qr/verify': flowResponse,
  'tokens/register': object({
    status: oneOf('registered'),
    kind: oneOf('sms', 'hardware'),
    label: str(0, 64),
    ...serverTime,
  }),
  'flow/cancel': object({ status: oneOf('cancelled'), ...serverTime }),
}

/** Whether `body` is a valid success response of `route` (same verdict as the zod schema). */
export function isKitResponse<R extends keyof KitRouteSchemas>(
  route: R,
  body: unknown,
): body is KitResponse<R> {
  const check = responseChecks[route]
  return check !== undefined && check(body)
}

const errorBody = object({
  error: object({
    code: (value) =>
      typeof value === 'string' && Object.prototype.hasOwnProperty.call(kitErrors, value),
    messageKey: str(0, 96),
    returnCode: optional(str(0, 12)),
    attemptsLeft: optional(int(0)),
    retryAt: optional(epochMs),
    lockedUntil: optional(epochMs),
    fields: optional(array(str(0, 64), 0, 20)),
    transactionId: optional(transactionId),
    maxAgeSeconds: optional(int(1)),
  }),
  requestId: str(0, 64),
  serverTime: optional(epochMs),
})

/** Whether `body` is a kit error body (same verdict as `kitErrorBody`). */
export function isKitErrorBody(body: unknown): body is KitErrorBody {
  return errorBody(body)
}

// Requests: the browser normalises first (trim, upper-case serials), then checks; the server
// validates again with the zod schemas, so this only spares a round trip.
const device = object({ userAgent: str(0, 512), browserFp: str(0, 64, /^[A-Za-z0-9_-]*$/) })
const otpCode = str(4, 10, /^[0-9]+$/)
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
  const unknownKeys = Object.keys(body).filter(
    (key) => !Object.prototype.hasOwnProperty.call(shape, key),
  )
  const invalid = Object.entries(shape)
    .filter(
      ([key, check]) =>
        !check(Object.prototype.hasOwnProperty.call(body, key) ? body[key] : undefined),
    )
    .map(([key]) => key)
  return [...unknownKeys, ...invalid]
}
