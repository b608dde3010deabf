import type {
  AppActivationStartResponse,
  AppActivationStatusResponse,
  AuthenticatorStartResponse,
  AuthenticatorVerifyResponse,
} from '@centagate-kit/protocol'
import type { KitClient } from '../../kit-client'
import type { KitClientError } from '../../kit-client-error'
import type { Effects, TransitionInfo } from '../../machine/machine-types'

/**
 * What is set up: an `authenticator` app (an offline OTP token whose key it scans, confirmed by
 * its first code) or the CENTAGATE `app` (it scans a QR, the user types the SMS passcode into it,
 * the machine polls until CENTAGATE says it is activated).
 */
export type FactorSetupKind = 'authenticator' | 'app'

/**
 * The states of a factor setup: the widget's `data-state`.
 * - `starting`: asking the server for the key or QR;
 * - `awaiting-step-up`: the server wants a fresh step-up first (`STEPPED_UP` starts again, once);
 * - `scan`: the QR (and, for an authenticator, the key) is shown; an authenticator waits for its
 *   first code (`VERIFY`), the app for its activation (polled, or `CHECK`);
 * - `verifying` / `checking`: the first code, or the activation status, is being asked;
 * - `enrolled`: done, the key is forgotten;
 * - `expired`: the key or QR lapsed, or the right to change factors did (`START` again);
 * - `locked`: the user is locked out until `lockedUntil`; `error`: `RETRY` starts again.
 */
export type FactorSetupState =
  | 'idle'
  | 'starting'
  | 'awaiting-step-up'
  | 'scan'
  | 'verifying'
  | 'checking'
  | 'enrolled'
  | 'expired'
  | 'locked'
  | 'error'

export type FactorSetupEvent =
  /** Asks the server for a key (authenticator) or an activation QR (app). */
  | { type: 'START' }
  /** In `scan` (authenticator): the first code the app shows. */
  | { type: 'VERIFY'; code: string }
  /** In `scan` (app): asks now whether the app completed its activation. */
  | { type: 'CHECK' }
  /** In `awaiting-step-up`: the user stepped up; starts again (once). */
  | { type: 'STEPPED_UP' }
  /** Gives up: back to `idle`, the key forgotten. */
  | { type: 'CANCEL' }
  /** In `error`: starts again. */
  | { type: 'RETRY' }

export type FactorSetupInternalEvent =
  | { type: 'START.DONE'; response: AuthenticatorStartResponse | AppActivationStartResponse }
  | { type: 'START.FAILED'; error: KitClientError }
  | { type: 'VERIFY.DONE'; response: AuthenticatorVerifyResponse }
  | { type: 'VERIFY.FAILED'; error: KitClientError }
  | { type: 'CHECK.DONE'; response: AppActivationStatusResponse }
  | { type: 'CHECK.FAILED'; error: KitClientError }
  /** Time to ask the activation status again. */
  | { type: 'POLL' }
  /** The key or QR lapsed. */
  | { type: 'EXPIRE' }

export type FactorSetupMachineEvent = FactorSetupEvent | FactorSetupInternalEvent

/** What the user scans while in `scan`. */
export interface FactorSetupProvisioning {
  /** What the QR encodes: the otpauth URI (authenticator) or the activation text (app). */
  qrValue: string
  /** Authenticator: the base32 key, for typing. Absent for the app (its passcode goes by SMS). */
  key?: string
  /** When it lapses (server clock, epoch ms). */
  expiresAt: number
}

export interface FactorSetupSnapshot {
  state: FactorSetupState
  kind: FactorSetupKind
  /** `scan`, `verifying`, `checking`: what to show; forgotten once enrolled or given up. */
  provisioning?: FactorSetupProvisioning
  /** `enrolled`: the authenticator's serial (absent for the app). */
  label?: string
  error?: KitClientError
  attemptsLeft?: number
  lockedUntil?: number
  retryAt?: number
}

export interface FactorSetupContext {
  kind: FactorSetupKind
  provisioning?: FactorSetupProvisioning | undefined
  label?: string | undefined
  error?: KitClientError | undefined
  attemptsLeft?: number | undefined
  lockedUntil?: number | undefined
  retryAt?: number | undefined
  /** A step-up already followed the server's demand (a second demand is not looped). */
  steppedUp?: boolean | undefined
}

export interface FactorSetupEnv extends Effects<FactorSetupMachineEvent> {
  client: KitClient
  kind: FactorSetupKind
  /** How long to wait between activation status checks (ms). */
  pollMs: number
  onEnrolled: ((result: { kind: FactorSetupKind; label?: string }) => void) | undefined
}

export interface FactorSetupMachineOptions {
  client: KitClient
  /** @default 'authenticator' */
  kind?: FactorSetupKind
  /** Between activation status checks, in ms. @default 3000 */
  pollMs?: number
  /** Called once the factor is set up. */
  onEnrolled?: ((result: { kind: FactorSetupKind; label?: string }) => void) | undefined
  /** Called for every transition taken; never a payload. */
  onTransition?: ((transition: TransitionInfo) => void) | undefined
}
