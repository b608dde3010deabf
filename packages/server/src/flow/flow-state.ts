/**
 * A flow lives in two places. The sealed flow cookie holds its id and what never changes while it
 * runs ({@link FlowState}: who, which kind of flow, the transaction, when it ends), so the cookie is
 * written once when the flow starts and an older copy of it is the same cookie. What changes under
 * concurrent requests ({@link FlowRecord}: the newest CENTAGATE authToken, which rotates; the
 * methods left; the pending challenge; an accepted factor not yet answered) lives in the store
 * under the flow id, worked on by one request at a time. Counters are in the store too, so
 * replaying an older cookie gains nothing.
 */
import type { KitMethod } from '@centagate-kit/protocol'

/**
 * What the flow is for:
 * - `factor`: proving a second factor (its progress is the store's {@link FlowRecord});
 * - `enrol`: password accepted, no usable factor: only `tokens/register` may follow (no upstream
 *   state, no record).
 */
export type FlowStep = 'factor' | 'enrol'

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

/** The masked targets of the SMS and token methods: short display text, never a full number. */
export interface MethodTargets {
  /** The SMS phone, masked (`•••• 4567`). */
  sms?: string
  /** The hardware token's serial, masked (`•••• 0001`). */
  challenge?: string
}

/** The sealed flow cookie: the flow's id and its immutable facts. Short, so the cookie stays small. */
export interface FlowState {
  /** Flow id (128-bit random): the key of the flow's record in the store. */
  fid: string
  flow: 'login' | 'stepup'
  step: FlowStep
  username: string
  /** The user's default device account (CENTAGATE app), from the first call. */
  devAccId?: string
  /**
   * Name of the user's CENTAGATE app device (`defDeviceName`), shown with the QR method so the
   * user knows which phone to pick up. Kept only once the user is known to be who they claim
   * (password checked, or the app's own session for a step-up).
   */
  deviceName?: string
  /**
   * Where the SMS and token methods reach the user, masked (`•••• 4567`), learnt once with the
   * same rule as `deviceName` (see `handler/method-targets.ts`).
   */
  targets?: MethodTargets
  transaction?: FlowTransaction
  /** When the flow ends (epoch ms). */
  expiresAt: number
}

/** The flow's changing state, in the store under its id (see `flow-records.ts`). */
export interface FlowRecord {
  /** The newest CENTAGATE authToken of this login: each call that rotates it writes it here. */
  authToken: string
  /** The methods the user may still use. */
  methods: KitMethod[]
  /** The code/challenge/QR that is out and waits for verification. */
  challenge?: FlowChallenge
  /**
   * CENTAGATE accepted the last factor and no other is needed; the `authenticated` answer has not
   * been given yet (the request that got the acceptance failed before answering). The next
   * verify or poll of the flow answers it. `sessionTimeout`: a login's, for `kit.logout`.
   */
  completed?: { method: KitMethod; at: number; sessionTimeout?: string }
  /** QR: when `statecheck` last went upstream (epoch ms), to poll CENTAGATE at a polite rate. */
  polledAt?: number
}

/** A flow as a route works on it: the cookie's facts and the store's record. */
export type LiveFlow = FlowState & FlowRecord
