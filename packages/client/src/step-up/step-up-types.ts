import type {
  AuthenticatedResponse,
  FlowResponse,
  KitMethod,
  MethodOption,
  TransactionView,
} from '@centagate-kit/protocol'
import type { KitClient } from '../kit-client'
import type { KitClientError } from '../kit-client-error'
import type { Effects, Machine, TransitionInfo } from '../machine/machine-types'
import type { AppOtpSnapshot } from '../methods/app-otp/app-otp-machine'
import type { ChallengeSnapshot } from '../methods/challenge/challenge-machine'
import type { QrEvent } from '../methods/method-types'
import type { PushSnapshot } from '../methods/push/push-machine'
import type { QrSnapshot } from '../methods/qr/qr-machine'
import type { SmsSnapshot } from '../methods/sms/sms-machine'
import type { VisibilitySource } from '../visibility'

/**
 * The states of the step-up (or login second factor) flow: the `StepUp` widget's `data-state`.
 * In `method` the chosen method's machine runs; its own state is `snapshot.child.state`.
 */
export type StepUpState =
  'idle' | 'starting' | 'choosing' | 'method' | 'approved' | 'locked' | 'error'

/** The snapshot of a method machine the step-up machine runs, by `method`. */
export type StepUpChildSnapshot =
  SmsSnapshot | ChallengeSnapshot | QrSnapshot | PushSnapshot | AppOtpSnapshot

export interface StepUpSnapshot {
  state: StepUpState
  flow?: 'login' | 'stepup'
  /** The methods the user may choose from, in preference order. */
  methods: MethodOption[]
  /** The chosen method. */
  method?: KitMethod
  /** The transaction being signed (step-up with a transaction). */
  transaction?: TransactionView
  /** When the whole flow ends (epoch ms, server clock). */
  flowExpiresAt?: number
  /**
   * `method`: the chosen method machine's snapshot (render its view); method events sent to the
   * step-up machine go to that machine.
   */
  child?: StepUpChildSnapshot
  /** `locked`: when the user lockout ends (epoch ms, server clock). */
  lockedUntil?: number
  /** `error`: when the refused start may be tried again (epoch ms, server clock). */
  retryAt?: number
  /** `error` / `locked`: why (a start that failed, the flow lost by the server, a lockout). */
  error?: KitClientError
  result?: AuthenticatedResponse
}

export type StepUpEvent =
  | { type: 'START.LOGIN'; username: string; password?: string }
  | { type: 'START.STEPUP'; transactionId?: string }
  /** Cancels the pending sends/polls of the old method; the same method again changes nothing. */
  | { type: 'METHOD.CHOOSE'; method: KitMethod }
  /** `method`: for the chosen method's machine (send, submit a code, retry). */
  | QrEvent
  /** Back to idle, locally. */
  | { type: 'RESET' }
  /** Back to idle, and tells the server to drop the flow. */
  | { type: 'CANCEL' }

export type StartEvent = Extract<StepUpEvent, { type: 'START.LOGIN' | 'START.STEPUP' }>

/** Events the machine sends itself. */
export type StepUpInternalEvent =
  | { type: 'START.DONE'; response: FlowResponse }
  | { type: 'START.FAILED'; error: KitClientError }
  /** The method machine's snapshot changed. */
  | { type: 'METHOD.CHANGED' }

export type StepUpMachineEvent = StepUpEvent | StepUpInternalEvent

export type StepUpMachine = Machine<StepUpSnapshot, StepUpEvent>
/** A method machine as the step-up machine runs it (every method machine takes `QrEvent`s). */
export type MethodMachine = Machine<StepUpChildSnapshot, QrEvent>

type Shown = Omit<StepUpSnapshot, 'state' | 'methods'>
export type StepUpContext = { methods: MethodOption[] } & {
  -readonly [K in keyof Shown]?: Shown[K] | undefined
} & {
  /** The START of this flow: RETRY after a lost flow starts over with it. */
  start?: StartEvent | undefined
  /** The chosen method's machine (its snapshot is `child`). */
  machine?: MethodMachine | undefined
}

export interface StepUpEnv extends Effects<StepUpMachineEvent> {
  client: KitClient
  visibility: VisibilitySource | undefined
  onAuthenticated: ((result: AuthenticatedResponse) => void) | undefined
  onTransition: ((transition: TransitionInfo) => void) | undefined
}

export interface StepUpMachineOptions {
  client: KitClient
  /** Called once when the flow reaches `approved`. */
  onAuthenticated?: ((result: AuthenticatedResponse) => void) | undefined
  /** Pauses QR polling while hidden. @default documentVisibility() */
  visibility?: VisibilitySource | undefined
  /**
   * Called for every transition taken by the step-up machine and the method machines it runs
   * (devtools, logs, spec-coverage tests): the machine, the event type (internal ones included,
   * e.g. `SEND.DONE`) and the index of the entry taken in its table. Never an event payload.
   */
  onTransition?: ((transition: TransitionInfo) => void) | undefined
}
