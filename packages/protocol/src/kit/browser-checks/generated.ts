// Generated from the kit route declarations by packages/protocol/scripts/browser-checks.ts:
// do not edit. `pnpm --filter @centagate-kit/protocol generate` rewrites it; the test next to
// it fails while it is stale. Every call is marked pure so that a bundle keeps only the checks
// it uses (the step-up interceptor needs only the error body).
import type { KitErrorBody } from '../shapes/error-body'
import type { KitRouteCheck } from './check-request'
import {
  anyOf,
  array,
  int,
  isRecord,
  normalized,
  object,
  oneOf,
  optional,
  text,
} from './combinators'
import { kitErrorCodes } from '../kit-error-codes'
import { kitMethods } from '../methods'

const otpCode = /* @__PURE__ */ text(4, 10, /^[0-9]+$/)
const count = /* @__PURE__ */ int(0)
const epochMs = /* @__PURE__ */ int(0)
const transactionId = /* @__PURE__ */ text(1, 64, /^[A-Za-z0-9._:-]+$/)
const kitErrorBodyShape = /* @__PURE__ */ object({
  error: /* @__PURE__ */ object({
    code: /* @__PURE__ */ oneOf(kitErrorCodes),
    messageKey: /* @__PURE__ */ text(0, 96),
    returnCode: /* @__PURE__ */ optional(/* @__PURE__ */ text(0, 12)),
    attemptsLeft: /* @__PURE__ */ optional(count),
    retryAt: /* @__PURE__ */ optional(epochMs),
    lockedUntil: /* @__PURE__ */ optional(epochMs),
    fields: /* @__PURE__ */ optional(/* @__PURE__ */ array(/* @__PURE__ */ text(0, 64), 0, 20)),
    transactionId: /* @__PURE__ */ optional(transactionId),
    maxAgeSeconds: /* @__PURE__ */ optional(/* @__PURE__ */ int(1)),
  }),
  requestId: /* @__PURE__ */ text(0, 64),
  serverTime: /* @__PURE__ */ optional(epochMs),
})
const username = /* @__PURE__ */ normalized(1, /* @__PURE__ */ text(1, 64, /^[\p{L}\p{N}._@+-]+$/u))
const deviceSignals = /* @__PURE__ */ object({
  userAgent: /* @__PURE__ */ text(0, 512),
  browserFp: /* @__PURE__ */ text(0, 64, /^[A-Za-z0-9_-]*$/),
})
const kitMethod = /* @__PURE__ */ oneOf(kitMethods)
const methodOption = /* @__PURE__ */ object({
  method: kitMethod,
  hint: /* @__PURE__ */ optional(/* @__PURE__ */ text(0, 64)),
})
const displayTextPattern = /^(?:[^\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\p{M}]\p{M}{0,6})*$/u
const transactionView = /* @__PURE__ */ object({
  id: transactionId,
  summary: /* @__PURE__ */ text(1, 512, displayTextPattern),
  fields: /* @__PURE__ */ array(
    /* @__PURE__ */ object({
      name: /* @__PURE__ */ text(1, 64),
      label: /* @__PURE__ */ text(1, 128, displayTextPattern),
      value: /* @__PURE__ */ text(0, 256, displayTextPattern),
    }),
    0,
    20,
  ),
})
const factorRequiredResponse = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(['factor_required']),
  flow: /* @__PURE__ */ oneOf(['login', 'stepup']),
  methods: /* @__PURE__ */ array(methodOption, 1, Infinity),
  transaction: /* @__PURE__ */ optional(transactionView),
  flowExpiresAt: epochMs,
  serverTime: epochMs,
})
const authenticatedResponse = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(['authenticated']),
  flow: /* @__PURE__ */ oneOf(['login', 'stepup']),
  method: /* @__PURE__ */ oneOf(['qr', 'challenge', 'push', 'app_otp', 'sms', 'password']),
  authTime: epochMs,
  receipt: /* @__PURE__ */ optional(
    /* @__PURE__ */ object({
      expiresAt: epochMs,
      transactionId: /* @__PURE__ */ optional(transactionId),
    }),
  ),
  app: /* @__PURE__ */ optional(isRecord),
  serverTime: epochMs,
})
const flowResponse = /* @__PURE__ */ anyOf(factorRequiredResponse, authenticatedResponse)
const smsSendResponse = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(['sent']),
  method: /* @__PURE__ */ oneOf(['sms']),
  maskedPhone: /* @__PURE__ */ text(0, 32),
  expiresAt: epochMs,
  resendAvailableAt: epochMs,
  sendsLeft: count,
  attemptsLeft: count,
  serverTime: epochMs,
})
const challengeSendResponse = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(['sent']),
  method: /* @__PURE__ */ oneOf(['challenge']),
  challenge: /* @__PURE__ */ text(1, 32),
  expiresAt: epochMs,
  attemptsLeft: count,
  serverTime: epochMs,
})
const pollDelay = /* @__PURE__ */ int(1)
const qrSendResponse = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(['sent']),
  method: /* @__PURE__ */ oneOf(['qr']),
  qrValue: /* @__PURE__ */ text(1, 2048),
  manualCode: /* @__PURE__ */ text(1, 32),
  transaction: /* @__PURE__ */ optional(transactionView),
  expiresAt: epochMs,
  pollAfterMs: pollDelay,
  attemptsLeft: count,
  serverTime: epochMs,
})
const pushStatusResponse = /* @__PURE__ */ anyOf(
  /* @__PURE__ */ object({
    status: /* @__PURE__ */ oneOf(['pending']),
    expiresAt: epochMs,
    pollAfterMs: pollDelay,
    serverTime: epochMs,
  }),
  /* @__PURE__ */ object({ status: /* @__PURE__ */ oneOf(['rejected']), serverTime: epochMs }),
  /* @__PURE__ */ object({ status: /* @__PURE__ */ oneOf(['expired']), serverTime: epochMs }),
  factorRequiredResponse,
  authenticatedResponse,
)
const pushSendResponse = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(['sent']),
  method: /* @__PURE__ */ oneOf(['push']),
  details: /* @__PURE__ */ text(1, 512, displayTextPattern),
  transaction: /* @__PURE__ */ optional(transactionView),
  expiresAt: epochMs,
  pollAfterMs: pollDelay,
  serverTime: epochMs,
})
const appOtpStartResponse = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(['sent']),
  method: /* @__PURE__ */ oneOf(['app_otp']),
  expiresAt: epochMs,
  attemptsLeft: count,
  serverTime: epochMs,
})
const tokensRegisterResponse = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(['registered']),
  kind: /* @__PURE__ */ oneOf(['sms', 'hardware']),
  label: /* @__PURE__ */ text(0, 64),
  serverTime: epochMs,
})
const flowCancelResponse = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(['cancelled']),
  serverTime: epochMs,
})
const factorSlot = /* @__PURE__ */ oneOf(['sms', 'token', 'mobile'])
const factorSummary = /* @__PURE__ */ object({
  slot: factorSlot,
  kind: /* @__PURE__ */ oneOf(['sms', 'token', 'app']),
  label: /* @__PURE__ */ text(0, 128),
  status: /* @__PURE__ */ oneOf(['active', 'pending']),
  blockedBy: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(['last_factor'])),
})
const factorsListResponse = /* @__PURE__ */ object({
  factors: /* @__PURE__ */ array(factorSummary, 0, 16),
  serverTime: epochMs,
})
const factorsRemoveResponse = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(['removed']),
  slot: factorSlot,
  serverTime: epochMs,
})
const authenticatorStartResponse = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(['pending']),
  otpauthUri: /* @__PURE__ */ text(1, 1024),
  key: /* @__PURE__ */ text(1, 256),
  expiresAt: epochMs,
  serverTime: epochMs,
})
const authenticatorVerifyResponse = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(['registered']),
  kind: /* @__PURE__ */ oneOf(['token']),
  label: /* @__PURE__ */ text(0, 64),
  serverTime: epochMs,
})
const appActivationStartResponse = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(['pending']),
  qr: /* @__PURE__ */ text(1, 4096),
  expiresAt: epochMs,
  serverTime: epochMs,
})
const appActivationStatusResponse = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(['pending', 'activated', 'none']),
  serverTime: epochMs,
})

/** Whether `code` (already normalised) has the format of a one-time code. */
export const isValidOtpCode: (code: string) => boolean = otpCode

/** Whether `body` is a kit error body. */
export const isKitErrorBody = kitErrorBodyShape as (body: unknown) => body is KitErrorBody

/** Every kit route as the browser checks it, in the order of `kitRouteDeclarations`. */
export const kitRouteChecks: readonly KitRouteCheck[] = [
  {
    path: 'login/start',
    clientMethod: 'loginStart',
    takesInput: true,
    codeFields: [],
    retryAfter: false,
    request: [
      {
        username,
        password: /* @__PURE__ */ optional(/* @__PURE__ */ text(1, 256)),
        device: deviceSignals,
      },
    ],
    normalize: { username: 1 },
    response: flowResponse,
  },
  {
    path: 'stepup/start',
    clientMethod: 'stepUpStart',
    takesInput: true,
    codeFields: [],
    retryAfter: false,
    request: [{ transactionId: /* @__PURE__ */ optional(transactionId), device: deviceSignals }],
    response: flowResponse,
  },
  {
    path: 'sms/send',
    clientMethod: 'smsSend',
    takesInput: false,
    codeFields: [],
    retryAfter: false,
    request: [{ device: deviceSignals }],
    response: smsSendResponse,
  },
  {
    path: 'sms/verify',
    clientMethod: 'smsVerify',
    takesInput: true,
    codeFields: ['code'],
    retryAfter: false,
    request: [{ code: otpCode, device: deviceSignals }],
    response: flowResponse,
  },
  {
    path: 'challenge/send',
    clientMethod: 'challengeSend',
    takesInput: false,
    codeFields: [],
    retryAfter: false,
    request: [{ device: deviceSignals }],
    response: challengeSendResponse,
  },
  {
    path: 'challenge/verify',
    clientMethod: 'challengeVerify',
    takesInput: true,
    codeFields: ['response'],
    retryAfter: false,
    request: [{ response: otpCode, device: deviceSignals }],
    response: flowResponse,
  },
  {
    path: 'qr/send',
    clientMethod: 'qrSend',
    takesInput: false,
    codeFields: [],
    retryAfter: false,
    request: [{ device: deviceSignals }],
    response: qrSendResponse,
  },
  {
    path: 'qr/status',
    clientMethod: 'qrStatus',
    takesInput: false,
    codeFields: [],
    retryAfter: true,
    request: [{ device: deviceSignals }],
    response: pushStatusResponse,
  },
  {
    path: 'qr/verify',
    clientMethod: 'qrVerify',
    takesInput: true,
    codeFields: ['otp'],
    retryAfter: false,
    request: [{ otp: otpCode, device: deviceSignals }],
    response: flowResponse,
  },
  {
    path: 'push/send',
    clientMethod: 'pushSend',
    takesInput: false,
    codeFields: [],
    retryAfter: false,
    request: [{ device: deviceSignals }],
    response: pushSendResponse,
  },
  {
    path: 'push/status',
    clientMethod: 'pushStatus',
    takesInput: false,
    codeFields: [],
    retryAfter: true,
    request: [{ device: deviceSignals }],
    response: pushStatusResponse,
  },
  {
    path: 'app-otp/start',
    clientMethod: 'appOtpStart',
    takesInput: false,
    codeFields: [],
    retryAfter: false,
    request: [{ device: deviceSignals }],
    response: appOtpStartResponse,
  },
  {
    path: 'app-otp/verify',
    clientMethod: 'appOtpVerify',
    takesInput: true,
    codeFields: ['code'],
    retryAfter: false,
    request: [{ code: otpCode, device: deviceSignals }],
    response: flowResponse,
  },
  {
    path: 'tokens/register',
    clientMethod: 'tokensRegister',
    takesInput: true,
    codeFields: [],
    retryAfter: false,
    request: [
      {
        kind: /* @__PURE__ */ oneOf(['sms']),
        phoneNumber: /* @__PURE__ */ text(9, 16, /^\+[1-9][0-9]+$/),
        device: deviceSignals,
      },
      {
        kind: /* @__PURE__ */ oneOf(['hardware']),
        serial: /* @__PURE__ */ normalized(3, /* @__PURE__ */ text(4, 32, /^[A-Z0-9]+$/)),
        device: deviceSignals,
      },
    ],
    key: 'kind',
    normalize: { serial: 3 },
    response: tokensRegisterResponse,
  },
  {
    path: 'flow/cancel',
    clientMethod: 'flowCancel',
    takesInput: false,
    codeFields: [],
    retryAfter: false,
    request: [{ device: deviceSignals }],
    response: flowCancelResponse,
  },
  {
    path: 'factors/list',
    clientMethod: 'factorsList',
    takesInput: false,
    codeFields: [],
    retryAfter: false,
    request: [{ device: deviceSignals }],
    response: factorsListResponse,
  },
  {
    path: 'factors/remove',
    clientMethod: 'factorsRemove',
    takesInput: true,
    codeFields: [],
    retryAfter: false,
    request: [{ slot: factorSlot, device: deviceSignals }],
    response: factorsRemoveResponse,
  },
  {
    path: 'authenticator/start',
    clientMethod: 'authenticatorStart',
    takesInput: false,
    codeFields: [],
    retryAfter: false,
    request: [{ device: deviceSignals }],
    response: authenticatorStartResponse,
  },
  {
    path: 'authenticator/verify',
    clientMethod: 'authenticatorVerify',
    takesInput: true,
    codeFields: ['code'],
    retryAfter: false,
    request: [{ code: otpCode, device: deviceSignals }],
    response: authenticatorVerifyResponse,
  },
  {
    path: 'app/activation/start',
    clientMethod: 'appActivationStart',
    takesInput: false,
    codeFields: [],
    retryAfter: false,
    request: [{ device: deviceSignals }],
    response: appActivationStartResponse,
  },
  {
    path: 'app/activation/status',
    clientMethod: 'appActivationStatus',
    takesInput: false,
    codeFields: [],
    retryAfter: false,
    request: [{ device: deviceSignals }],
    response: appActivationStatusResponse,
  },
]
