/**
 * The spec of a factor setup (`authenticator/start` + `authenticator/verify`, or
 * `app/activation/start` + `app/activation/status`):
 *
 *   START → starting → scan | awaiting-step-up | expired | locked | error
 *   scan: VERIFY → verifying → enrolled | scan (wrong code) | expired | locked
 *         POLL/CHECK → checking → enrolled | scan (pending, polled again) | expired
 *         EXPIRE → expired; CANCEL → idle
 *   awaiting-step-up: STEPPED_UP → starting (once) | CANCEL → idle
 */
import type { TransitionTable } from '../../machine/machine-types'
import { storeError } from '../method-actions'
import { errorIs, isUserLocked } from '../method-guards'
import {
  callCheck,
  callStart,
  callVerify,
  clearError,
  forget,
  schedulePoll,
  storeEnrolled,
  storeProvisioning,
} from './factor-setup-actions'
import type {
  FactorSetupContext,
  FactorSetupEnv,
  FactorSetupMachineEvent,
  FactorSetupState,
} from './factor-setup-types'

const start = [{ target: 'starting', actions: [callStart] }] as const
const cancel = [{ target: 'idle', actions: [forget] }] as const
const expire = [{ target: 'expired', actions: [forget] }] as const
const needsStepUp = (context: FactorSetupContext, event: object) =>
  !context.steppedUp && errorIs('step_up_required')(context, event)
const isApp = (_: unknown, __: unknown, env: FactorSetupEnv) => env.kind === 'app'
const isAuthenticator = (_: unknown, __: unknown, env: FactorSetupEnv) =>
  env.kind === 'authenticator'
const activated = (_: unknown, event: FactorSetupMachineEvent) =>
  event.type === 'CHECK.DONE' && event.response.status === 'activated'
const pending = (_: unknown, event: FactorSetupMachineEvent) =>
  event.type === 'CHECK.DONE' && event.response.status === 'pending'

export const factorSetupTransitions: TransitionTable<
  FactorSetupState,
  FactorSetupMachineEvent,
  FactorSetupContext,
  FactorSetupEnv
> = {
  idle: { START: start },
  starting: {
    'START.DONE': [{ target: 'scan', actions: [storeProvisioning] }],
    'START.FAILED': [
      { guard: isUserLocked, target: 'locked', actions: [storeError] },
      { guard: needsStepUp, target: 'awaiting-step-up', actions: [storeError] },
      { guard: errorIs('no_flow', 'step_up_required'), target: 'expired', actions: [storeError] },
      { target: 'error', actions: [storeError] },
    ],
    CANCEL: cancel,
  },
  'awaiting-step-up': { STEPPED_UP: start, CANCEL: cancel },
  scan: {
    VERIFY: [{ guard: isAuthenticator, target: 'verifying', actions: [callVerify] }],
    CHECK: [{ guard: isApp, target: 'checking', actions: [callCheck] }],
    POLL: [{ guard: isApp, target: 'checking', actions: [callCheck] }],
    EXPIRE: expire,
    CANCEL: cancel,
  },
  verifying: {
    'VERIFY.DONE': [{ target: 'enrolled', actions: [storeEnrolled] }],
    'VERIFY.FAILED': [
      { guard: isUserLocked, target: 'locked', actions: [forget, storeError] },
      // Nothing pending any more on the server (the window lapsed).
      { guard: errorIs('flow_step_invalid'), target: 'expired', actions: [forget, storeError] },
      { target: 'scan', actions: [storeError] },
    ],
    EXPIRE: expire,
    CANCEL: cancel,
  },
  checking: {
    'CHECK.DONE': [
      { guard: activated, target: 'enrolled', actions: [storeEnrolled] },
      { guard: pending, target: 'scan', actions: [clearError, schedulePoll] },
      { target: 'expired', actions: [forget] },
    ],
    // A failed check leaves the QR usable: asked again later.
    'CHECK.FAILED': [{ target: 'scan', actions: [storeError, schedulePoll] }],
    EXPIRE: expire,
    CANCEL: cancel,
  },
  enrolled: {},
  expired: { START: start },
  locked: {},
  error: { START: start, RETRY: start },
}
