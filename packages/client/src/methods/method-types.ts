/**
 * What the method machines (SMS, challenge-response, QR signing) have in common: the events a
 * view sends, the snapshot it renders, and what guards and actions work with. Each method names
 * its own states (`CodeState`, `QrState`); everything else is said once here.
 */
import type {
  AppOtpStartResponse,
  AuthenticatedResponse,
  ChallengeSendResponse,
  FlowResponse,
  KitMethod,
  PushSendResponse,
  QrSendResponse,
  QrStatusResponse,
  SmsSendResponse,
} from '@centagate-kit/protocol'
import type { KitCallOptions, KitClient } from '../kit-client'
import type { KitClientError } from '../kit-client-error'
import type { Effects, TransitionInfo } from '../machine/machine-types'
import type { VisibilitySource } from '../visibility'

/** What a method's send answers. */
export type SentAnswer =
  SmsSendResponse | ChallengeSendResponse | QrSendResponse | PushSendResponse | AppOtpStartResponse

/** Events a view sends to a method machine. */
export type MethodEvent =
  /** Send, or send again (a new code, a new challenge, a new QR). */
  | { type: 'CODE.SEND' }
  /** The code the user typed (SMS code, token response, or the OTP the CENTAGATE app shows). */
  | { type: 'CODE.SUBMIT'; code: string }
  /** In `error`: repeats the operation that failed. */
  | { type: 'RETRY' }

/** Events of the QR machine: also `QR.VERIFY`, the app's OTP typed instead of waiting. */
export type QrEvent = MethodEvent | { type: 'QR.VERIFY'; otp: string }

/** Events the machines send themselves when their work finishes. */
export type MethodInternalEvent =
  | { type: 'SEND.DONE'; response: SentAnswer }
  | { type: 'SEND.FAILED'; error: KitClientError }
  | { type: 'VERIFY.DONE'; response: FlowResponse }
  | { type: 'VERIFY.FAILED'; error: KitClientError }
  | { type: 'POLL.DONE'; response: QrStatusResponse }
  | { type: 'POLL.FAILED'; error: KitClientError }
  | { type: 'CODE.EXPIRED' }

export type MethodMachineEvent = QrEvent | MethodInternalEvent

/** A method machine's snapshot: its state and what the view shows. */
export interface MethodSnapshot<State extends string, Method extends KitMethod, Sent> {
  state: State
  method: Method
  /** The last send's answer (expiry, resend time, attempts; masked phone, challenge or QR). */
  sent?: Sent
  /** Wrong codes still allowed for the current code (server-authoritative). */
  attemptsLeft?: number
  /** When a user lockout ends (epoch ms, server clock). */
  lockedUntil?: number
  /** When the refused action may be tried again (epoch ms, server clock). */
  retryAt?: number
  /** `locked`: `user` (wait for `lockedUntil`) or `challenge` (request a new code). */
  lockScope?: 'user' | 'challenge'
  /** The last failure, local (malformed code, resend too early, expired) or from the server. */
  error?: KitClientError
  /**
   * `approved`: the server's answer, `authenticated` or `factor_required` (the flow needs another
   * factor: the step-up machine offers it; a standalone app starts it itself).
   */
  result?: FlowResponse
}

/** The machine's memory: the snapshot's data (any part may be cleared) and what RETRY repeats. */
type Shown = Omit<MethodSnapshot<string, KitMethod, SentAnswer>, 'state' | 'method'>
export type MethodContext = { -readonly [K in keyof Shown]?: Shown[K] | undefined } & {
  method: KitMethod
  /** The operation in progress or last failed. Holds a typed code, only in memory. */
  operation?: { kind: 'send' } | { kind: 'verify'; code: string } | undefined
}

/** How one method talks to the kit server. */
export interface MethodCalls {
  method: KitMethod
  /** The request field a malformed code is reported on (`invalid_input` fields). */
  field: 'code' | 'response' | 'otp'
  send(client: KitClient, options: KitCallOptions): Promise<SentAnswer>
  verify(client: KitClient, code: string, options: KitCallOptions): Promise<FlowResponse>
  /** The approval status a polling method asks (`qr/status`, `push/status`). @default qr/status */
  poll?: (client: KitClient, options: KitCallOptions) => ReturnType<KitClient['qrStatus']>
}

/** What guards and actions of method machines may use. */
export interface MethodEnv extends Effects<MethodMachineEvent> {
  client: KitClient
  calls: MethodCalls
  visibility: VisibilitySource
  onAuthenticated: ((result: AuthenticatedResponse) => void) | undefined
}

export interface MethodMachineOptions {
  client: KitClient
  /** Called once when the server answers `authenticated` (not for `factor_required`). */
  onAuthenticated?: ((result: AuthenticatedResponse) => void) | undefined
  /** Pauses QR polling while hidden. @default documentVisibility() */
  visibility?: VisibilitySource | undefined
  /** Called for every transition taken (devtools, logs, spec-coverage tests); never a payload. */
  onTransition?: ((transition: TransitionInfo) => void) | undefined
}
