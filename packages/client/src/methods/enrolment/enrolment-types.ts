import type { TokensRegisterResponse } from '@centagate-kit/protocol'
import type { KitClient, TokensRegisterInput } from '../../kit-client'
import type { KitClientError } from '../../kit-client-error'
import type { Effects, TransitionInfo } from '../../machine/machine-types'

/**
 * The states of token enrolment: the enrolment widget's `data-state`. `expired`: the right to
 * change factors lapsed (`no_flow`: the enrolment flow after a login ended; `step_up_required`:
 * the step-up is too old), so a new login or step-up is needed; `locked`: the user is locked out
 * until `lockedUntil`.
 */
export type EnrolmentState = 'idle' | 'submitting' | 'registered' | 'expired' | 'locked' | 'error'

export type EnrolmentEvent =
  /** Registers an SMS number (E.164) or a hardware token serial. */
  | { type: 'REGISTER'; input: TokensRegisterInput }
  /** In `error`: registers the same input again. */
  | { type: 'RETRY' }

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
  /** What RETRY registers again; never shown. */
  input?: TokensRegisterInput | undefined
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
