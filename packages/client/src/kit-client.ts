import type {
  ChallengeSendResponse,
  FlowCancelResponse,
  FlowResponse,
  QrSendResponse,
  QrStatusResponse,
  SmsSendResponse,
  TokensRegisterResponse,
} from '@centagate-kit/protocol'
import type { DeviceSignals } from './device-signals'
import type { ServerClock } from './server-clock'

export interface KitClientOptions {
  /** Kit server mount point. @default '/api/centagate' */
  basePath?: string
  /** Injectable fetch (tests, Storybook, SSR). @default globalThis.fetch */
  fetch?: typeof fetch
  /** Device signals provider. @default createDeviceSignals() */
  deviceSignals?: DeviceSignals
  /** Server clock to train. @default createServerClock() */
  clock?: ServerClock
}

/** Per-call options. */
export interface KitCallOptions {
  signal?: AbortSignal
}

export type TokensRegisterInput =
  { kind: 'sms'; phoneNumber: string } | { kind: 'hardware'; serial: string }

export interface KitClient {
  loginStart(
    input: { username: string; password?: string },
    options?: KitCallOptions,
  ): Promise<FlowResponse>
  stepUpStart(input: { transactionId?: string }, options?: KitCallOptions): Promise<FlowResponse>
  smsSend(options?: KitCallOptions): Promise<SmsSendResponse>
  smsVerify(input: { code: string }, options?: KitCallOptions): Promise<FlowResponse>
  challengeSend(options?: KitCallOptions): Promise<ChallengeSendResponse>
  challengeVerify(input: { response: string }, options?: KitCallOptions): Promise<FlowResponse>
  qrSend(options?: KitCallOptions): Promise<QrSendResponse>
  qrStatus(options?: KitCallOptions): Promise<QrStatusResponse & { retryAfterMs?: number }>
  qrVerify(input: { otp: string }, options?: KitCallOptions): Promise<FlowResponse>
  tokensRegister(
    input: TokensRegisterInput,
    options?: KitCallOptions,
  ): Promise<TokensRegisterResponse>
  flowCancel(options?: KitCallOptions): Promise<FlowCancelResponse>
  /** Server clock correction learnt from the last response's serverTime. */
  readonly clock: ServerClock
  readonly deviceSignals: DeviceSignals
}

export function createKitClient(_options: KitClientOptions = {}): KitClient {
  throw new Error('not implemented')
}
