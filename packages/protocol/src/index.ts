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

// The kit contract: one declaration per route (kit/routes/), built from a small schema vocabulary
// (kit/schema/) that browsers check without zod and the server turns into zod.
export type { Schema } from './kit/schema/descriptors'
export type { Infer } from './kit/schema/infer'
export { conforms, normalizeAndCheck } from './kit/schema/check'
export { toZod } from './kit/schema/to-zod'
export { type DeviceSignals, deviceSignals } from './kit/shapes/device-signals'
export {
  type MethodOption,
  type TransactionView,
  methodOption,
  transactionView,
} from './kit/shapes/fields'
export {
  type AuthenticatedResponse,
  type FactorRequiredResponse,
  type FlowResponse,
  flowResponse,
} from './kit/shapes/flow-response'
export { type KitErrorBody, isKitErrorBody, kitErrorBodyShape } from './kit/shapes/error-body'
export type { KitRouteDeclaration } from './kit/routes/define-kit-route'
export * from './kit/routes/route-errors'
export * from './kit/routes/kit-routes'
export type { SmsSendResponse } from './kit/routes/sms-send'
export type { ChallengeSendResponse } from './kit/routes/challenge-send'
export type { QrSendResponse } from './kit/routes/qr-send'
export type { QrStatusResponse } from './kit/routes/qr-status'
export type { TokensRegisterResponse } from './kit/routes/tokens-register'
export type { FlowCancelResponse } from './kit/routes/flow-cancel'
// Server and tests only (zod): browser code never imports these.
export * from './kit/kit-zod-schemas'
