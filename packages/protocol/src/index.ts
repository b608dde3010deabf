/**
 * `@centagate-kit/protocol`: the contract every other package speaks. Isomorphic: no DOM, no
 * Node-only API. Signing lives in the `@centagate-kit/protocol/signing` subpath so that browser
 * bundles never contain it.
 */
export * from './centagate/base-paths'
export * from './centagate/endpoints'
export * from './centagate/envelope'
export * from './centagate/fields'
export * from './centagate/payloads'
export * from './centagate/return-codes'
export { order as expandSignedOrder } from './centagate/signed-order'
export * from './kit/errors'
export * from './kit/mask-phone'
export * from './kit/methods'
export * from './kit/otp-code'
export * from './kit/step-up-challenge'
export * from './kit/transport'
export * from './http/request-url'

// The kit contract: one declaration per route (kit/routes/), built from a small schema vocabulary
// (kit/schema/). Browsers check it with checks generated from the declarations
// (kit/browser-checks/, no zod); the server validates with zod schemas derived from them.
export type { Schema } from './kit/schema/descriptors'
export type { Infer } from './kit/schema/infer'
export { toZod } from './kit/schema/to-zod'
export { isKitErrorBody, isValidOtpCode, kitRouteChecks } from './kit/browser-checks/generated'
export { type KitRouteCheck, checkKitRequest } from './kit/browser-checks/check-request'
export { type DeviceSignals, deviceSignals } from './kit/shapes/device-signals'
export {
  displayText,
  displayTextPattern,
  isDisplayText,
  maxCombiningMarks,
} from './kit/shapes/display-text'
export { type MethodOption, methodOption } from './kit/shapes/method-option'
export { type TransactionView, transactionView } from './kit/shapes/transaction-view'
export {
  type AuthenticatedResponse,
  type FactorRequiredResponse,
  type FlowResponse,
  flowResponse,
} from './kit/shapes/flow-response'
export { type KitErrorBody, kitErrorBodyShape } from './kit/shapes/error-body'
export type { KitRouteDeclaration } from './kit/routes/define-kit-route'
export * from './kit/routes/route-errors'
export * from './kit/routes/kit-routes'
export type { SmsSendResponse } from './kit/routes/sms-send'
export type { ChallengeSendResponse } from './kit/routes/challenge-send'
export type { QrSendResponse } from './kit/routes/qr-send'
export type { QrStatusResponse } from './kit/routes/qr-status'
export type { PushSendResponse } from './kit/routes/push-send'
export type { AppOtpStartResponse } from './kit/routes/app-otp-start'
export type { TokensRegisterResponse } from './kit/routes/tokens-register'
export type { FlowCancelResponse } from './kit/routes/flow-cancel'
export type { FactorSummary, FactorsListResponse } from './kit/routes/factors-list'
export type { FactorsRemoveResponse } from './kit/routes/factors-remove'
export type { AuthenticatorStartResponse } from './kit/routes/authenticator-start'
export type { AuthenticatorVerifyResponse } from './kit/routes/authenticator-verify'
export type { AppActivationStartResponse } from './kit/routes/app-activation-start'
export type { AppActivationStatusResponse } from './kit/routes/app-activation-status'
// Server and tests only (zod): browser code never imports these.
export * from './kit/kit-zod-schemas'
