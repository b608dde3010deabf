import type { TokensRegisterResponse } from '@centagate-kit/protocol'
import type { KitClient, TokensRegisterInput } from '../../kit-client'
import type { KitClientError } from '../../kit-client-error'
import type { Effects, TransitionInfo } from '../../machine/machine-types'

/**
 * The states of token enrolment: the enrolment widget's `data-state`. `awaiting-step-up`: the server wants
 * a fresh step-up before it changes a factor (`step_up_required`, `error.maxAgeSeconds`); the
 * input is kept, and `STEPPED_UP` registers it once the app's step-up succeeded. `expired`: the
 * right to change factors lapsed (`no_flow`: the enrolment flow after a login ended;
 * `step_up_required` again right after a step-up), so a new login or step-up is needed; `locked`:
 * the user is locked out until `lockedUntil`.
 */
export type EnrolmentState =
  'idle' | 'submitting' | 'awaiting-step-up' | 'registered' | 'expired' | 'locked' | 'error'

export type EnrolmentEvent =
  /** Registers an SMS number (E.164) or a hardware token serial. */
  | { type: 'REGISTER'; input: TokensRegisterInput }
  /** In `error`: registers the same input again. */
  | { type: 'RETRY' }
  /** In `awaiting-step-up`: the user stepped up; registers the kept input again (once). */
  | { type: 'STEPPED_UP' }
  /** In `awaiting-step-up`: the user gave up the step-up; back to `idle`. */
  | { type: 'CANCEL' }

export type EnrolmentInternalEvent =
  | { type: 'REGISTER.DONE'; response: TokensRegisterResponse }
  | { type: 'REGISTER.FAILED'; error: KitClientError }

export type EnrolmentMachineEvent = EnrolmentEvent | EnrolmentInternalEvent

export interface EnrolmentSnapshot {
  state: EnrolmentState
  /** `registered`: the kind and its label (masked number or serial). */
  result?: TokensRegisterResponse
  error?: KitClientError
  lockedUntil?: number
  retryAt?: number
}

export interface EnrolmentContext {
  result?: TokensRegisterResponse | undefined
  error?: KitClientError | undefined
  lockedUntil?: number | undefined
  retryAt?: number | undefined
  /** What RETRY and STEPPED_UP register again; never shown. */
  input?: TokensRegisterInput | undefined
  /** A step-up already followed this input's step-up demand (a second demand is not looped). */
  steppedUp?: boolean | undefined
}

export interface EnrolmentEnv extends Effects<EnrolmentMachineEvent> {
  client: KitClient
  onRegistered: ((result: TokensRegisterResponse) => void) | undefined
}

export interface EnrolmentMachineOptions {
  client: KitClient
  /** Called once the server registered the factor. */
  onRegistered?: ((result: TokensRegisterResponse) => void) | undefined
  /** Called for every transition taken; never a payload. */
  onTransition?: ((transition: TransitionInfo) => void) | undefined
}
