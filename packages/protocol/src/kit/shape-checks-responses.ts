/**
 * Success response checks of every kit route, for the browser client (see `shape-checks.ts`).
 */
import { kitMethods } from './methods'
import type { KitResponse, KitRouteSchemas } from './schemas'
import {
  type Check,
  anyOf,
  array,
  epochMs,
  int,
  isRecord,
  object,
  oneOf,
  optional,
  str,
  transactionId,
} from './shape-checks-combinators'

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
