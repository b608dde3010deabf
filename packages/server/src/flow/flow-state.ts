/**
 * What the sealed flow cookie holds between two kit calls. Short keys keep the cookie small
 * (≤ 4096 bytes sealed). Counters are NOT here: they live in the rate-limit store, so replaying
 * an older cookie gains nothing.
 */
import type { KitMethod } from '@centagate-kit/protocol'

/** The named states of a flow. */
export type FlowStep =
  /** Methods known; no code sent yet. */
  | 'choose_method'
  /** A code/challenge/QR is out and waits for verification. */
  | 'awaiting_code'
  /** Password accepted, no usable factor: only `tokens/register` may follow. */
  | 'enrol'

export interface FlowChallenge {
  /** Random id: key of the per-challenge counters in the store. */
  id: string
  method: KitMethod
  /** Epoch ms after which the code is no longer accepted. */
  expiresAt: number
  /** Epoch ms when it was issued. */
  issuedAt: number
  /** CR challenge or QR otpChallenge. */
  challenge?: string
  /** QR: `plainText` returned by requestQrCode (`<account>|<request>|<details>`). */
  plainText?: string
}

export interface FlowTransaction {
  id: string
  /** The text sent to CENTAGATE as `details`. */
  summary: string
  /** `transactionValue` of QR signing. */
  value?: string
  /** SHA-256 of id + summary + value (receipt binding). */
  hash: string
}

export interface FlowState {
  /** Flow id: 128-bit random, renewed after each factor. */
  fid: string
  flow: 'login' | 'stepup'
  step: FlowStep
  username: string
  /** CENTAGATE authToken of this login; rotates after each call that returns one. */
  authToken: string
  devAccId?: string
  /**
   * Name of the user's CENTAGATE app device (`defDeviceName`), shown with the QR method so the
   * user knows which phone to pick up. Kept only once the user is known to be who they claim
   * (password checked, or the app's own session for a step-up).
   */
  deviceName?: string
  methods: KitMethod[]
  challenge?: FlowChallenge
  transaction?: FlowTransaction
  /** When the flow ends (epoch ms). */
  expiresAt: number
}
