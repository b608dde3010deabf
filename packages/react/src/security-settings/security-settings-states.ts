/**
 * The spec of the factor settings widget: the list comes from react-query (`factors/list`), a
 * removal is a react-query mutation (`factors/remove`); what the user is doing is this small
 * state machine, the widget's `data-state`:
 *
 *   loading → ready | error (RETRY → loading)
 *   ready: REMOVE → confirming; ADD → adding
 *   confirming: CONFIRM → removing; KEEP → ready
 *   removing: DONE → ready; STEP_UP → awaiting-step-up (the first demand); FAILED → confirming
 *     (the error shown; a second step-up demand is a failure, not a loop)
 *   awaiting-step-up: STEPPED_UP → removing; KEEP → ready
 *   adding: BACK → ready
 */
import type { FactorSummary, KitClientError } from '@centagate-kit/client'

export type AddableFactor = 'sms' | 'hardware' | 'authenticator' | 'app'

export type SecuritySettingsState =
  'loading' | 'ready' | 'confirming' | 'removing' | 'awaiting-step-up' | 'adding' | 'error'

export type SecuritySettingsEvent =
  | { type: 'LOADED' }
  | { type: 'LOAD_FAILED' }
  | { type: 'RETRY' }
  | { type: 'REMOVE'; factor: FactorSummary }
  | { type: 'CONFIRM' }
  | { type: 'KEEP' }
  | { type: 'DONE' }
  | { type: 'STEP_UP' }
  | { type: 'STEPPED_UP' }
  | { type: 'FAILED'; error: KitClientError }
  | { type: 'ADD'; kind: AddableFactor }
  | { type: 'BACK' }

export interface SecuritySettingsView {
  state: SecuritySettingsState
  /** `confirming`, `removing`, `awaiting-step-up`: the factor being removed. */
  target?: FactorSummary
  /** `adding`: what is being added. */
  adding?: AddableFactor
  /** `ready`: the label of the factor just removed. */
  removed?: string
  /** A step-up already followed this removal's demand (a second demand is not looped). */
  steppedUp?: boolean
  error?: KitClientError
}

type Table = {
  readonly [S in SecuritySettingsState]: {
    readonly [E in SecuritySettingsEvent['type']]?: (
      view: SecuritySettingsView,
      event: Extract<SecuritySettingsEvent, { type: E }>,
    ) => SecuritySettingsView
  }
}

export const securitySettingsTransitions: Table = {
  loading: { LOADED: () => ({ state: 'ready' }), LOAD_FAILED: () => ({ state: 'error' }) },
  error: { RETRY: () => ({ state: 'loading' }), LOADED: () => ({ state: 'ready' }) },
  ready: {
    REMOVE: (_, event) => ({ state: 'confirming', target: event.factor }),
    ADD: (_, event) => ({ state: 'adding', adding: event.kind }),
    LOAD_FAILED: () => ({ state: 'error' }),
  },
  confirming: {
    CONFIRM: (view) => ({ state: 'removing', ...(view.target ? { target: view.target } : {}) }),
    KEEP: () => ({ state: 'ready' }),
  },
  removing: {
    DONE: (view) => ({ state: 'ready', ...(view.target ? { removed: view.target.label } : {}) }),
    STEP_UP: (view) => ({
      state: 'awaiting-step-up',
      ...(view.target ? { target: view.target } : {}),
    }),
    FAILED: (view, event) => ({ ...view, state: 'confirming', error: event.error }),
  },
  'awaiting-step-up': {
    STEPPED_UP: (view) => ({ ...view, state: 'removing', steppedUp: true }),
    KEEP: () => ({ state: 'ready' }),
  },
  adding: { BACK: () => ({ state: 'ready' }) },
}

/** The next view, or the same one when the state does not take the event. */
export function securitySettingsReducer(
  view: SecuritySettingsView,
  event: SecuritySettingsEvent,
): SecuritySettingsView {
  const transition = securitySettingsTransitions[view.state][event.type] as
    ((view: SecuritySettingsView, event: SecuritySettingsEvent) => SecuritySettingsView) | undefined
  return transition ? transition(view, event) : view
}
