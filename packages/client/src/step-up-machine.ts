/**
 * The step-up (and login second factor) flow as a finite state machine with named string states.
 * Hand-rolled, no dependency: the transition table at the end is the spec (states, events, and the
 * guards and actions of each transition); guards and actions are small named functions defined
 * before it. The table holds the functions themselves, not their names as strings, so a minifier
 * shortens them (about 0.35 KB gzip less than looking them up by name).
 *
 *   START.*  → starting → approved | choosing | sending (exactly one method: auto-chosen)
 *   METHOD.CHOOSE → sending → awaiting-otp (sms, challenge) | awaiting-approval (qr, polls)
 *   CODE.SUBMIT / QR.VERIFY → verifying → approved | awaiting-* (wrong code) | expired | locked
 *                                        | denied | choosing (another factor needed) | error
 *
 * Switching method aborts the requests in flight and stops polling; `dispose()` stops everything.
 */
import type {
  AuthenticatedResponse,
  ChallengeSendResponse,
  FlowResponse,
  KitMethod,
  MethodOption,
  QrSendResponse,
  QrStatusResponse,
  SendResponse,
  SmsSendResponse,
  TransactionView,
} from '@centagate-kit/protocol'
import { isValidOtpCode } from '@centagate-kit/protocol'
import { normalizeCode } from './kit-client'
import type { KitClient } from './kit-client'
import { KitClientError, isKitClientError } from './kit-client-error'
import { createQrPoller } from './qr-poller'
import type { QrPoller } from './qr-poller'
import { documentVisibility } from './visibility'
import type { VisibilitySource } from './visibility'

// ---------------------------------------------------------------------------------------------
// Public types

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
  /** The methods the user may choose from, in preference order. */
  methods: MethodOption[]
  /** The chosen method. */
  method?: KitMethod
  /** The transaction being signed (step-up with a transaction). */
  transaction?: TransactionView
  /** maskedPhone, expiresAt, resendAvailableAt, attemptsLeft, sendsLeft */
  sms?: SmsSendResponse
  challenge?: ChallengeSendResponse
  qr?: QrSendResponse
  /** Wrong codes still allowed for the current code (server-authoritative). */
  attemptsLeft?: number
  /** When a user lockout ends (epoch ms, server clock). */
  lockedUntil?: number
  /** When the refused action may be tried again (epoch ms, server clock). */
  retryAt?: number
  /** `locked`: `user` (wait for `lockedUntil`) or `challenge` (request a new code). */
  lockScope?: 'user' | 'challenge'
  /** When the whole flow ends (epoch ms, server clock). */
  flowExpiresAt?: number
  /** The last failure, local (malformed code, resend too early) or from the server. */
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
  /** The OTP the CENTAGATE app shows, typed instead of waiting for the scan to be approved. */
  | { type: 'QR.VERIFY'; otp: string }
  /** In `error`: repeats the operation that failed. */
  | { type: 'RETRY' }
  /** Back to idle, locally. */
  | { type: 'RESET' }
  /** Back to idle, and tells the server to drop the flow. */
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
  /** Called once when the flow reaches `approved`. */
  onAuthenticated?: (result: AuthenticatedResponse) => void
  /** Pauses QR polling while hidden. @default documentVisibility() */
  visibility?: VisibilitySource
  /**
   * Called for every transition taken (devtools, logging, spec-coverage tests): the event type
   * (internal ones included, e.g. `SEND.DONE`) and the index of the chosen entry in
   * `stepUpTransitions[from][event]`. Never receives event payloads (no codes).
   */
  onTransition?: (transition: StepUpTransitionInfo) => void
}

/** What {@link StepUpMachineOptions.onTransition} reports. */
export interface StepUpTransitionInfo {
  from: StepUpState
  to: StepUpState
  event: string
  index: number
}

// ---------------------------------------------------------------------------------------------
// Events the machine sends itself when its work finishes

type InternalEvent =
  | { type: 'START.DONE'; response: FlowResponse }
  | { type: 'START.FAILED'; error: KitClientError }
  | { type: 'SEND.DONE'; response: SendResponse }
  | { type: 'SEND.FAILED'; error: KitClientError }
  | { type: 'VERIFY.DONE'; response: FlowResponse }
  | { type: 'VERIFY.FAILED'; error: KitClientError }
  | { type: 'POLL.DONE'; response: QrStatusResponse }
  | { type: 'POLL.FAILED'; error: KitClientError }
  | { type: 'CODE.EXPIRED' }

type MachineEvent = StepUpEvent | InternalEvent
type EventType = MachineEvent['type']

// ---------------------------------------------------------------------------------------------
// Context: what the machine remembers besides its state

type StartEvent = Extract<StepUpEvent, { type: 'START.LOGIN' | 'START.STEPUP' }>
type Operation =
  | { kind: 'start'; event: StartEvent }
  | { kind: 'send' }
  | { kind: 'verify'; event: Extract<StepUpEvent, { type: 'CODE.SUBMIT' | 'QR.VERIFY' }> }

/** The snapshot's data (`state` aside); any optional part may be cleared to `undefined`. */
type Shown = { methods: MethodOption[] } & {
  -readonly [K in Exclude<keyof StepUpSnapshot, 'state' | 'methods'>]?:
    StepUpSnapshot[K] | undefined
}

interface Context extends Shown {
  /** The operation in progress or last failed, for RETRY. Holds a typed code only in memory. */
  operation?: Operation | undefined
  /** The START event of this flow, to start over when the server lost the flow. */
  startEvent?: StartEvent | undefined
}

/** Forgets everything, in place (actions and the interpreter share this one object). */
function resetContext(context: Context): void {
  for (const key of Object.keys(context)) delete (context as Partial<Context>)[key as keyof Context]
  context.methods = []
}

// ---------------------------------------------------------------------------------------------
// Guards

type Guard = (context: Context, event: MachineEvent, env: Environment) => boolean

const errorOf = (event: MachineEvent) => ('error' in event ? event.error : undefined)
const responseOf = (event: MachineEvent) => ('response' in event ? event.response : undefined)
const errorIs = (code: string) => (_: Context, event: MachineEvent) => errorOf(event)?.code === code

const hasQrCode = (context: Context) => context.method === 'qr' && context.qr !== undefined
const hasOtpCode = (context: Context) =>
  (context.method === 'sms' && context.sms !== undefined) ||
  (context.method === 'challenge' && context.challenge !== undefined)

const isAuthenticated: Guard = (_, event) => responseOf(event)?.status === 'authenticated'
const hasExactlyOneMethod: Guard = (_, event) => {
  const response = responseOf(event)
  // Exactly one method: nothing to choose. (SMS is never pre-selected when another exists.)
  return response?.status === 'factor_required' && response.methods.length === 1
}
const isQrSent: Guard = (_, event) => {
  const response = responseOf(event)
  return response !== undefined && 'method' in response && response.method === 'qr'
}
const isRejectedStatus: Guard = (_, event) => responseOf(event)?.status === 'rejected'
const isExpiredStatus: Guard = (_, event) => responseOf(event)?.status === 'expired'
const isOfferedMethod: Guard = (context, event) =>
  event.type === 'METHOD.CHOOSE' && context.methods.some((m) => m.method === event.method)
const hasMethod: Guard = (context) => context.method !== undefined
const isCurrentMethod: Guard = (context, event) =>
  event.type === 'METHOD.CHOOSE' && context.method === event.method
const isFlowGone: Guard = (context) => context.error?.code === 'no_flow'
const hasStarted: Guard = (context) => context.startEvent !== undefined
const hasSentCode: Guard = (context) => hasQrCode(context) || hasOtpCode(context)
const isResendCoolingDown: Guard = (context, _, env) =>
  context.method === 'sms' &&
  context.sms !== undefined &&
  env.client.clock.now() < context.sms.resendAvailableAt
const isMalformedCode: Guard = (_, event) => {
  const code = codeOf(event)
  return code === undefined || !isValidOtpCode(normalizeCode(code))
}
const isChallengeLock: Guard = (context) => context.lockScope === 'challenge'
const isOtpInvalid: Guard = errorIs('otp_invalid')
const isOtpExpired: Guard = errorIs('otp_expired')
const isUserLocked: Guard = errorIs('locked')
const isChallengeLocked: Guard = errorIs('challenge_locked')
const isRejected: Guard = errorIs('rejected')
const isRateLimited: Guard = errorIs('rate_limited')
const isInputOrRateLimit: Guard = (_, event) =>
  errorOf(event)?.code === 'invalid_input' || errorOf(event)?.code === 'rate_limited'
const failedOnStart: Guard = (context) => context.operation?.kind === 'start'
const failedOnSend: Guard = (context) =>
  context.operation?.kind === 'send' && context.method !== undefined
const failedOnVerify: Guard = (context) => context.operation?.kind === 'verify'

function codeOf(event: MachineEvent): string | undefined {
  if (event.type === 'CODE.SUBMIT') return event.code
  if (event.type === 'QR.VERIFY') return event.otp
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Actions

/** What actions may touch besides the context: the client and the running work. */
interface Environment {
  client: KitClient
  visibility: VisibilitySource
  onAuthenticated: ((result: AuthenticatedResponse) => void) | undefined
  /** Runs a request; its outcome comes back as an event unless cancelled first. */
  run<T>(
    request: (signal: AbortSignal) => Promise<T>,
    done: (value: T) => InternalEvent,
    failed: (error: KitClientError) => InternalEvent,
  ): void
  /** Aborts requests in flight, stops polling and timers. */
  cancelPending(): void
  setPoller(poller: QrPoller, controller: AbortController): void
  setTimer(callback: () => void, delayMs: number): void
  dispatch(event: InternalEvent): void
}

type Action = (context: Context, event: MachineEvent, env: Environment) => void

const clearCodeState = (context: Context) => {
  context.sms = context.challenge = context.qr = undefined
  context.attemptsLeft = context.retryAt = context.lockedUntil = context.lockScope = undefined
  context.error = undefined
}

const cancelPending: Action = (_, __, env) => env.cancelPending()
const clearContext: Action = resetContext
const clearError: Action = (context) => {
  context.error = context.retryAt = undefined
}
const rememberStart: Action = (context, event) => {
  if (event.type === 'START.LOGIN' || event.type === 'START.STEPUP') {
    context.operation = { kind: 'start', event }
    context.startEvent = event
    context.flow = event.type === 'START.LOGIN' ? 'login' : 'stepup'
  }
}
const callStart: Action = (context, _, env) => startRequest(context, env)
const restartFlow: Action = (context, _, env) => {
  const event = context.startEvent
  env.cancelPending()
  resetContext(context)
  if (!event) return
  // The same START again, as if the user had just sent it.
  rememberStart(context, event, env)
  startRequest(context, env)
}
const retryStart: Action = (context, _, env) => {
  context.error = undefined
  startRequest(context, env)
}
const storeFactors: Action = (context, event) => {
  const response = responseOf(event)
  if (response?.status !== 'factor_required') return
  context.flow = response.flow
  context.methods = response.methods
  context.transaction = response.transaction
  context.flowExpiresAt = response.flowExpiresAt
  context.method = undefined
  clearCodeState(context)
}
const chooseOnlyMethod: Action = (context) => {
  context.method = context.methods[0]?.method
}
const chooseMethod: Action = (context, event) => {
  if (event.type !== 'METHOD.CHOOSE') return
  context.method = event.method
  clearCodeState(context)
}
const callSend: Action = (context, _, env) => {
  const method = context.method
  context.operation = { kind: 'send' }
  context.error = undefined
  env.run<SendResponse>(
    (signal) =>
      method === 'sms'
        ? env.client.smsSend({ signal })
        : method === 'challenge'
          ? env.client.challengeSend({ signal })
          : env.client.qrSend({ signal }),
    (response) => ({ type: 'SEND.DONE', response }),
    (error) => ({ type: 'SEND.FAILED', error }),
  )
}
const storeSent: Action = (context, event) => {
  const response = responseOf(event)
  if (response === undefined || !('method' in response) || response.status !== 'sent') return
  clearCodeState(context)
  context.operation = undefined
  context.attemptsLeft = response.attemptsLeft
  if (response.method === 'sms') context.sms = response
  else if (response.method === 'challenge') context.challenge = response
  else {
    context.qr = response
    if (response.transaction) context.transaction = response.transaction
  }
}
const armCodeExpiry: Action = (context, _, env) => {
  const expiresAt = context.sms?.expiresAt ?? context.challenge?.expiresAt
  if (expiresAt === undefined) return
  env.setTimer(
    () => env.dispatch({ type: 'CODE.EXPIRED' }),
    env.client.clock.remainingMs(expiresAt),
  )
}
const startPolling: Action = (context, _, env) => {
  const qr = context.qr
  if (!qr) return
  const controller = new AbortController()
  const poller = createQrPoller({
    client: env.client,
    expiresAt: qr.expiresAt,
    initialDelayMs: qr.pollAfterMs,
    signal: controller.signal,
    visibility: env.visibility,
    onResult: (response) => env.dispatch({ type: 'POLL.DONE', response }),
    onError: (error) => env.dispatch({ type: 'POLL.FAILED', error }),
  })
  env.setPoller(poller, controller)
}
const callVerify: Action = (context, event, env) => {
  if (event.type === 'CODE.SUBMIT' || event.type === 'QR.VERIFY') {
    context.operation = { kind: 'verify', event }
  }
  verifyRequest(context, env)
}
const retryVerify: Action = (context, _, env) => {
  context.error = undefined
  verifyRequest(context, env)
}
const storeResult: Action = (context, event) => {
  const response = responseOf(event)
  if (response?.status !== 'authenticated') return
  context.result = response
  context.operation = undefined
  context.error = undefined
}
const notifyAuthenticated: Action = (context, _, env) => {
  if (!context.result) return
  try {
    env.onAuthenticated?.(context.result)
  } catch (error) {
    // The app's callback failing must not wedge the machine: the user did authenticate.
    console.error('centagate-kit: onAuthenticated threw', error)
  }
}
const storeError: Action = (context, event) => {
  const error = errorOf(event)
  if (!error) return
  context.error = error
  if (error.attemptsLeft !== undefined) context.attemptsLeft = error.attemptsLeft
  context.retryAt = error.retryAt
  if (error.lockedUntil !== undefined) context.lockedUntil = error.lockedUntil
}
const rememberFailure: Action = () => {
  // `operation` still names what failed: RETRY repeats it.
}
const markUserLock: Action = (context) => {
  context.lockScope = 'user'
  context.operation = undefined
}
const markChallengeLock: Action = (context) => {
  context.lockScope = 'challenge'
  context.operation = undefined
  context.attemptsLeft = 0
}
const refuseResend: Action = (context) => {
  // Refused locally: the server would refuse too, and the user gets the exact wait at once.
  const retryAt = context.sms?.resendAvailableAt
  context.retryAt = retryAt
  context.error = new KitClientError('rate_limited', { status: 0, retryAt })
}
const rejectMalformedCode: Action = (context) => {
  context.error = new KitClientError('invalid_input', {
    status: 0,
    fields: [
      context.method === 'qr' ? 'otp' : context.method === 'challenge' ? 'response' : 'code',
    ],
  })
}
const callCancel: Action = (context, _, env) => {
  // Fire and forget: leaving must never wait on the network.
  if (context.flow === undefined) return
  env.client.flowCancel().catch(() => {})
}

function startRequest(context: Context, env: Environment): void {
  const operation = context.operation
  if (operation?.kind !== 'start') return
  const event = operation.event
  env.run<FlowResponse>(
    (signal) =>
      event.type === 'START.LOGIN'
        ? env.client.loginStart(
            {
              username: event.username,
              ...(event.password !== undefined ? { password: event.password } : {}),
            },
            { signal },
          )
        : env.client.stepUpStart(
            event.transactionId !== undefined ? { transactionId: event.transactionId } : {},
            { signal },
          ),
    (response) => ({ type: 'START.DONE', response }),
    (error) => ({ type: 'START.FAILED', error }),
  )
}

function verifyRequest(context: Context, env: Environment): void {
  const operation = context.operation
  if (operation?.kind !== 'verify') return
  const code = normalizeCode(codeOf(operation.event) ?? '')
  const method = context.method
  env.run<FlowResponse>(
    (signal) =>
      method === 'sms'
        ? env.client.smsVerify({ code }, { signal })
        : method === 'challenge'
          ? env.client.challengeVerify({ response: code }, { signal })
          : env.client.qrVerify({ otp: code }, { signal }),
    (response) => ({ type: 'VERIFY.DONE', response }),
    (error) => ({ type: 'VERIFY.FAILED', error }),
  )
}

// ---------------------------------------------------------------------------------------------
// The transition table (the spec)

interface Transition {
  /** Every guard must pass; the first matching transition of a list wins. */
  guard?: Guard | readonly Guard[]
  /** Omitted: stay in the current state. */
  target?: StepUpState
  actions?: readonly Action[]
}
type TransitionTable = {
  readonly [S in StepUpState]: { readonly [E in EventType]?: readonly Transition[] }
}

const start: readonly Transition[] = [
  { target: 'starting', actions: [cancelPending, clearContext, rememberStart, callStart] },
]
/** The first choice of a method. */
const pickMethod: readonly Transition[] = [
  {
    guard: isOfferedMethod,
    target: 'sending',
    actions: [cancelPending, chooseMethod, callSend],
  },
]
/** While a method is in progress, choosing it again (a double click) changes nothing. */
const switchMethod: readonly Transition[] = [{ guard: isCurrentMethod }, ...pickMethod]
/** After an outcome (expired, denied, error): any method again; the SMS cooldown still holds. */
const chooseAgain: readonly Transition[] = [
  { guard: [isCurrentMethod, isResendCoolingDown], actions: [refuseResend] },
  ...pickMethod,
]
/** A new code for the chosen method; SMS waits for its resend cooldown. */
const sendAgain: readonly Transition[] = [
  { guard: isResendCoolingDown, actions: [refuseResend] },
  { guard: hasMethod, target: 'sending', actions: [cancelPending, callSend] },
]
/** A new QR (no local cooldown: the server decides). */
const newQr: readonly Transition[] = [{ target: 'sending', actions: [cancelPending, callSend] }]
const submitCode: readonly Transition[] = [
  { guard: isMalformedCode, actions: [rejectMalformedCode] },
  { target: 'verifying', actions: [cancelPending, clearError, callVerify] },
]
/** What a flow response leads to: done, the only method, or a choice. */
const flowOutcome: readonly Transition[] = [
  { guard: isAuthenticated, target: 'approved', actions: [storeResult, notifyAuthenticated] },
  {
    guard: hasExactlyOneMethod,
    target: 'sending',
    actions: [storeFactors, chooseOnlyMethod, callSend],
  },
  { target: 'choosing', actions: [storeFactors] },
]
/** Failures every request shares. */
const commonFailure: readonly Transition[] = [
  { guard: isUserLocked, target: 'locked', actions: [storeError, markUserLock] },
  { guard: isChallengeLocked, target: 'locked', actions: [storeError, markChallengeLock] },
  { guard: isOtpExpired, target: 'expired', actions: [storeError] },
  { guard: isRejected, target: 'denied', actions: [storeError] },
  { target: 'error', actions: [storeError, rememberFailure] },
]
/** Back to waiting for the code (or the app) after a recoverable refusal. */
const backToWaiting = (guard: Guard): readonly Transition[] => [
  {
    guard: [guard, hasQrCode],
    target: 'awaiting-approval',
    actions: [storeError, startPolling],
  },
  {
    guard: [guard, hasOtpCode],
    target: 'awaiting-otp',
    actions: [storeError, armCodeExpiry],
  },
]
const reset: readonly Transition[] = [{ target: 'idle', actions: [cancelPending, clearContext] }]
const cancel: readonly Transition[] = [
  { target: 'idle', actions: [cancelPending, callCancel, clearContext] },
]
const restart = { 'START.LOGIN': start, 'START.STEPUP': start } as const
const leave = { RESET: reset, CANCEL: cancel } as const

export const stepUpTransitions: TransitionTable = {
  idle: {
    ...restart,
  },
  starting: {
    // A second START while starting is a double click: ignored.
    'START.DONE': flowOutcome,
    'START.FAILED': commonFailure,
    ...leave,
  },
  choosing: {
    'METHOD.CHOOSE': pickMethod,
    ...restart,
    ...leave,
  },
  sending: {
    // CODE.SEND while sending: ignored (no second SMS from a double click).
    'SEND.DONE': [
      { guard: isQrSent, target: 'awaiting-approval', actions: [storeSent, startPolling] },
      { target: 'awaiting-otp', actions: [storeSent, armCodeExpiry] },
    ],
    'SEND.FAILED': [
      // A new code for a locked challenge refused (quota): still locked, now with a retry time.
      { guard: [isRateLimited, isChallengeLock], target: 'locked', actions: [storeError] },
      ...backToWaiting(isRateLimited),
      ...commonFailure,
    ],
    'METHOD.CHOOSE': switchMethod,
    ...leave,
  },
  'awaiting-otp': {
    'CODE.SUBMIT': submitCode,
    'CODE.SEND': sendAgain,
    'CODE.EXPIRED': [{ target: 'expired', actions: [cancelPending] }],
    'METHOD.CHOOSE': switchMethod,
    ...restart,
    ...leave,
  },
  'awaiting-approval': {
    'POLL.DONE': [
      { guard: isRejectedStatus, target: 'denied', actions: [cancelPending] },
      { guard: isExpiredStatus, target: 'expired', actions: [cancelPending] },
      ...flowOutcome,
    ],
    'POLL.FAILED': commonFailure,
    'QR.VERIFY': submitCode,
    'CODE.SUBMIT': submitCode,
    'CODE.SEND': newQr,
    'METHOD.CHOOSE': switchMethod,
    ...restart,
    ...leave,
  },
  verifying: {
    // CODE.SUBMIT while verifying: ignored (double submit).
    'VERIFY.DONE': flowOutcome,
    'VERIFY.FAILED': [
      ...backToWaiting(isOtpInvalid),
      ...backToWaiting(isInputOrRateLimit),
      ...commonFailure,
    ],
    'METHOD.CHOOSE': switchMethod,
    ...leave,
  },
  approved: {
    ...restart,
    RESET: reset,
  },
  denied: {
    'CODE.SEND': sendAgain,
    'METHOD.CHOOSE': chooseAgain,
    ...restart,
    ...leave,
  },
  expired: {
    'CODE.SEND': sendAgain,
    'METHOD.CHOOSE': chooseAgain,
    ...restart,
    ...leave,
  },
  locked: {
    // A challenge lock needs a new code; a user lock only ends at lockedUntil.
    'CODE.SEND': [
      { guard: [isChallengeLock, isResendCoolingDown], actions: [refuseResend] },
      { guard: isChallengeLock, target: 'sending', actions: [cancelPending, callSend] },
    ],
    'METHOD.CHOOSE': [
      {
        guard: [isChallengeLock, isCurrentMethod, isResendCoolingDown],
        actions: [refuseResend],
      },
      {
        guard: [isChallengeLock, isOfferedMethod],
        target: 'sending',
        actions: [cancelPending, chooseMethod, callSend],
      },
    ],
    ...restart,
    ...leave,
  },
  error: {
    RETRY: [
      // The flow itself is gone (cookie expired): only a fresh start helps.
      { guard: [isFlowGone, hasStarted], target: 'starting', actions: [restartFlow] },
      { guard: failedOnStart, target: 'starting', actions: [retryStart] },
      { guard: failedOnSend, target: 'sending', actions: [callSend] },
      { guard: failedOnVerify, target: 'verifying', actions: [retryVerify] },
    ],
    'CODE.SEND': sendAgain,
    'CODE.SUBMIT': [
      { guard: [hasSentCode, isMalformedCode], actions: [rejectMalformedCode] },
      { guard: hasSentCode, target: 'verifying', actions: [clearError, callVerify] },
    ],
    'METHOD.CHOOSE': chooseAgain,
    ...restart,
    ...leave,
  },
}

// ---------------------------------------------------------------------------------------------
// The interpreter

/**
 * Creates a step-up machine. Nothing runs until the first event; `dispose()` on unmount.
 *
 * @example
 * const machine = createStepUpMachine({ client })
 * machine.subscribe(() => render(machine.getSnapshot()))
 * machine.send({ type: 'START.STEPUP', transactionId: 'tx-42' })
 */
export function createStepUpMachine(options: StepUpMachineOptions): StepUpMachine {
  const { client } = options
  const visibility = options.visibility ?? documentVisibility()
  const listeners = new Set<() => void>()
  let state: StepUpState = 'idle'
  const context: Context = { methods: [] }
  let snapshot = toSnapshot(state, context)
  let disposed = false

  let inFlight: AbortController | undefined
  let poller: { poller: QrPoller; controller: AbortController } | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  const queue: MachineEvent[] = []
  let processing = false

  const env: Environment = {
    client,
    visibility,
    onAuthenticated: options.onAuthenticated,
    run(request, done, failed) {
      const controller = new AbortController()
      inFlight = controller
      const settle = (event: InternalEvent) => {
        // A cancelled request's outcome belongs to a flow the user already left.
        if (controller.signal.aborted || disposed) return
        if (inFlight === controller) inFlight = undefined
        dispatch(event)
      }
      Promise.resolve()
        .then(() => request(controller.signal))
        .then(
          (value) => settle(done(value)),
          (error: unknown) => settle(failed(toKitClientError(error))),
        )
    },
    cancelPending() {
      inFlight?.abort()
      inFlight = undefined
      if (poller) {
        poller.controller.abort()
        poller.poller.stop()
        poller = undefined
      }
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
    },
    setPoller(next, controller) {
      poller = { poller: next, controller }
    },
    setTimer(callback, delayMs) {
      if (timer !== undefined) clearTimeout(timer)
      timer = setTimeout(callback, Math.min(delayMs, 2_147_483_647))
    },
    dispatch,
  }

  function dispatch(event: MachineEvent): void {
    if (disposed) return
    queue.push(event)
    // Listeners and callbacks may send events synchronously: queue them, one transition at a time.
    if (processing) return
    processing = true
    let changed = false
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        changed = transition(next) || changed
      }
    } finally {
      processing = false
    }
    if (changed) for (const listener of [...listeners]) listener()
  }

  function transition(event: MachineEvent): boolean {
    const candidates = stepUpTransitions[state][event.type]
    const index = (candidates ?? []).findIndex((candidate) => {
      const checks = candidate.guard === undefined ? [] : [candidate.guard].flat()
      return checks.every((guard) => guard(context, event, env))
    })
    const chosen = candidates?.[index]
    if (!chosen) return false
    const from = state
    // An explicit "ignore" (no target, no actions) changes nothing.
    const changes = chosen.target !== undefined || (chosen.actions?.length ?? 0) > 0
    if (changes) {
      for (const action of chosen.actions ?? []) action(context, event, env)
      if (chosen.target !== undefined) state = chosen.target
      snapshot = toSnapshot(state, context)
    }
    options.onTransition?.({ from, to: state, event: event.type, index })
    return changes
  }

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    send: (event) => dispatch(event),
    dispose() {
      env.cancelPending()
      disposed = true
      listeners.clear()
      queue.length = 0
    },
  }
}

function toSnapshot(state: StepUpState, context: Context): StepUpSnapshot {
  const snapshot: Record<string, unknown> = { state }
  for (const [key, value] of Object.entries(context)) {
    // Cleared parts are left out, never `undefined`; the machine's own memory is never shown.
    if (value !== undefined && key !== 'operation' && key !== 'startEvent') snapshot[key] = value
  }
  return Object.freeze(snapshot as unknown as StepUpSnapshot)
}

function toKitClientError(error: unknown): KitClientError {
  if (isKitClientError(error)) return error
  return new KitClientError('bad_response', { status: 0, cause: error })
}
