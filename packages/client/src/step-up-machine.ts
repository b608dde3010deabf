import type {
  AuthenticatedResponse,
  ChallengeSendResponse,
  KitMethod,
  MethodOption,
  QrSendResponse,
  SmsSendResponse,
  TransactionView,
} from '@centagate-kit/protocol'
import type { KitClient } from './kit-client'
import type { KitClientError } from './kit-client-error'
import type { VisibilitySource } from './visibility'

export type StepUpState =
  | 'idle'
  | 'starting'
  | 'choosing'
  | 'sending'
  | 'awaiting-otp'
  | 'awaiting-approval'
  | 'verifying'
  | 'approved'
  | 'denied'
  | 'expired'
  | 'locked'
  | 'error'

export interface StepUpSnapshot {
  state: StepUpState
  flow?: 'login' | 'stepup'
  methods: MethodOption[]
  method?: KitMethod
  transaction?: TransactionView
  /** maskedPhone, expiresAt, resendAvailableAt, attemptsLeft, sendsLeft */
  sms?: SmsSendResponse
  challenge?: ChallengeSendResponse
  qr?: QrSendResponse
  attemptsLeft?: number
  lockedUntil?: number
  retryAt?: number
  error?: KitClientError
  result?: AuthenticatedResponse
}

export type StepUpEvent =
  | { type: 'START.LOGIN'; username: string; password?: string }
  | { type: 'START.STEPUP'; transactionId?: string }
  /** Cancels pending sends/polls of the old method. */
  | { type: 'METHOD.CHOOSE'; method: KitMethod }
  /** Send or resend for the chosen method. */
  | { type: 'CODE.SEND' }
  | { type: 'CODE.SUBMIT'; code: string }
  | { type: 'QR.VERIFY'; otp: string }
  | { type: 'RESET' }
  | { type: 'CANCEL' }

export interface StepUpMachine {
  getSnapshot(): StepUpSnapshot
  subscribe(listener: () => void): () => void
  send(event: StepUpEvent): void
  /** Stops polling/timers and aborts requests in flight (unmount). */
  dispose(): void
}

export interface StepUpMachineOptions {
  client: KitClient
  onAuthenticated?: (result: AuthenticatedResponse) => void
  /** @default documentVisibility() */
  visibility?: VisibilitySource
}

export function createStepUpMachine(_options: StepUpMachineOptions): StepUpMachine {
  throw new Error('not implemented')
}
