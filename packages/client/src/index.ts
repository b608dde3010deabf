/**
 * `@centagate-kit/client`: the headless browser core of centagate-kit (no React). SSR-safe: nothing
 * here touches a browser global at import time.
 */
export { createKitClient, normalizeCode } from './kit-client'
export type {
  KitCallOptions,
  KitClient,
  KitClientInput,
  KitClientMethods,
  KitClientOptions,
  TokensRegisterInput,
} from './kit-client'
export { KitClientError, isKitClientError } from './kit-client-error'
export type { KitClientErrorCode, KitClientErrorInit } from './kit-client-error'
export { createServerClock } from './server-clock'
export type { ServerClock } from './server-clock'
export { createCountdown } from './countdown'
export type { Countdown } from './countdown'
export { createStepUpMachine, stepUpTransitions } from './step-up-machine'
export type {
  StepUpEvent,
  StepUpMachine,
  StepUpMachineOptions,
  StepUpSnapshot,
  StepUpState,
  StepUpTransitionInfo,
} from './step-up-machine'
export { createQrPoller } from './qr-poller'
export type { QrPoller, QrPollerOptions } from './qr-poller'
export { createManualVisibility, documentVisibility } from './visibility'
export type { VisibilitySource } from './visibility'
export { createDeviceSignals } from './device-signals'
export type { DeviceSignals, DeviceSignalsOptions } from './device-signals'
export { isWebOtpSupported, receiveWebOtp } from './web-otp'
export { createStepUpFetch, isStepUpRequired } from './step-up-interceptor'
export type { StepUpChallenge, StepUpFetchOptions } from './step-up-interceptor'

// Protocol types and constants the React package needs, so it can depend on this package alone.
export type {
  AuthenticatedResponse,
  ChallengeSendResponse,
  FactorRequiredResponse,
  FlowCancelResponse,
  FlowResponse,
  KitErrorCode,
  KitMethod,
  MethodOption,
  QrSendResponse,
  QrStatusResponse,
  SmsSendResponse,
  TokensRegisterResponse,
  TransactionView,
} from '@centagate-kit/protocol'
export { kitErrorCodes, kitMethods, stepUpErrorName } from '@centagate-kit/protocol'
