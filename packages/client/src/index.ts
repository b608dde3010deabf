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
export { interpret } from './machine/interpret'
export type { MachineDefinition } from './machine/interpret'
export type {
  Action,
  Effects,
  Guard,
  Machine,
  Transition,
  TransitionInfo,
  TransitionTable,
} from './machine/machine-types'
export { createSmsMachine } from './methods/sms/sms-machine'
export type { SmsMachine, SmsSnapshot } from './methods/sms/sms-machine'
export { createChallengeMachine } from './methods/challenge/challenge-machine'
export type { ChallengeMachine, ChallengeSnapshot } from './methods/challenge/challenge-machine'
export { codeTransitions } from './methods/code/code-transitions'
export type { CodeState } from './methods/code/code-transitions'
export { createQrMachine } from './methods/qr/qr-machine'
export type { QrMachine, QrSnapshot } from './methods/qr/qr-machine'
export { qrTransitions } from './methods/qr/qr-transitions'
export type { QrState } from './methods/qr/qr-transitions'
export { createPushMachine } from './methods/push/push-machine'
export type { PushMachine, PushSnapshot } from './methods/push/push-machine'
export { pushTransitions } from './methods/push/push-transitions'
export type { PushState } from './methods/push/push-transitions'
export { createAppOtpMachine } from './methods/app-otp/app-otp-machine'
export type { AppOtpMachine, AppOtpSnapshot } from './methods/app-otp/app-otp-machine'
export type {
  MethodEvent,
  MethodMachineOptions,
  MethodSnapshot,
  QrEvent,
} from './methods/method-types'
export { createEnrolmentMachine } from './methods/enrolment/enrolment-machine'
export type { EnrolmentMachine } from './methods/enrolment/enrolment-machine'
export { enrolmentTransitions } from './methods/enrolment/enrolment-transitions'
export type {
  EnrolmentEvent,
  EnrolmentMachineOptions,
  EnrolmentSnapshot,
  EnrolmentState,
} from './methods/enrolment/enrolment-types'
export { createFactorSetupMachine } from './methods/factor-setup/factor-setup-machine'
export type { FactorSetupMachine } from './methods/factor-setup/factor-setup-machine'
export { factorSetupTransitions } from './methods/factor-setup/factor-setup-transitions'
export type {
  FactorSetupEvent,
  FactorSetupKind,
  FactorSetupMachineOptions,
  FactorSetupProvisioning,
  FactorSetupSnapshot,
  FactorSetupState,
} from './methods/factor-setup/factor-setup-types'
export { createStepUpMachine } from './step-up/step-up-machine'
export { stepUpTransitions } from './step-up/step-up-transitions'
export type {
  StepUpChildSnapshot,
  StepUpEvent,
  StepUpMachine,
  StepUpMachineOptions,
  StepUpSnapshot,
  StepUpState,
} from './step-up/step-up-types'
/** @deprecated Use {@link TransitionInfo} (it now also names the machine). */
export type { TransitionInfo as StepUpTransitionInfo } from './machine/machine-types'
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
  AppActivationStartResponse,
  AppActivationStatusResponse,
  AuthenticatedResponse,
  AuthenticatorStartResponse,
  AuthenticatorVerifyResponse,
  ChallengeSendResponse,
  FactorSummary,
  FactorsListResponse,
  FactorsRemoveResponse,
  FactorRequiredResponse,
  FlowCancelResponse,
  FlowResponse,
  KitErrorCode,
  KitMethod,
  MethodOption,
  QrSendResponse,
  QrStatusResponse,
  PushSendResponse,
  AppOtpStartResponse,
  SmsSendResponse,
  TokensRegisterResponse,
  TransactionView,
} from '@centagate-kit/protocol'
export { kitErrorCodes, kitMethods, stepUpErrorName } from '@centagate-kit/protocol'
