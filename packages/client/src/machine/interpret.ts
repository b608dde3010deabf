/**
 * The one interpreter every kit machine runs on: looks the event up in the transition table, takes
 * the first entry whose guards pass, runs its actions on the context and moves to its target.
 * Events sent while a transition runs (by listeners, callbacks or child machines) are queued and
 * taken one at a time. Work the actions start (requests, timers, pollers, child machines) hangs on
 * one abort signal, so `cancel()` and `dispose()` stop all of it.
 */
import { KitClientError, isKitClientError } from '../kit-client-error'
import type { Effects, Machine, TransitionInfo, TransitionTable } from './machine-types'

/** setTimeout fires at once for delays above 2^31-1 ms. */
const maxTimerMs = 2_147_483_647

export interface MachineDefinition<
  State extends string,
  Event extends { type: string },
  Context extends object,
  Env,
> {
  /** Reported as `TransitionInfo.machine`. */
  name: string
  table: TransitionTable<State, Event, Context, Env>
  initial: State
  /** The initial context; the machine changes this object in place. */
  context: Context
  /** Context keys the snapshot never shows (the machine's own memory, e.g. a typed code). */
  hidden?: readonly (keyof Context & string)[]
  onTransition?: ((transition: TransitionInfo) => void) | undefined
}

/**
 * Starts a machine. Its snapshot is `{ state, ...context }` without hidden or `undefined` keys,
 * frozen, and a new object only when one of its values changed.
 *
 * @param services what guards and actions need besides the effects (the kit client, options).
 */
export function interpret<
  State extends string,
  Event extends { type: string },
  Context extends object,
  Env extends Effects<Event>,
  Snapshot,
>(
  definition: MachineDefinition<State, Event, Context, Env>,
  services: Omit<Env, keyof Effects<Event>>,
): Machine<Snapshot, Event> {
  const { table, context, hidden = [], onTransition } = definition
  const listeners = new Set<() => void>()
  const queue: Event[] = []
  let state = definition.initial
  let snapshot: Record<string, unknown> = {}
  let work = new AbortController()
  let processing = false
  let disposed = false

  const env = {
    ...services,
    run(request, done, failed) {
      const signal = work.signal
      const settle = (event: Event) => {
        // An outcome that arrives after a cancel belongs to work the user already left.
        if (!signal.aborted) dispatch(event)
      }
      Promise.resolve()
        .then(() => request(signal))
        .then(
          (value) => settle(done(value)),
          (error: unknown) => settle(failed(toKitClientError(error))),
        )
    },
    after(delayMs, event) {
      const timer = setTimeout(() => dispatch(event), Math.min(delayMs, maxTimerMs))
      work.signal.addEventListener('abort', () => clearTimeout(timer))
    },
    signal: () => work.signal,
    cancel() {
      work.abort()
      work = new AbortController()
    },
    dispatch,
  } as Env

  /** Rebuilds the snapshot; false when nothing it shows changed. */
  function refresh(): boolean {
    const next: Record<string, unknown> = { state }
    for (const [key, value] of Object.entries(context)) {
      if (value !== undefined && !(hidden as readonly string[]).includes(key)) next[key] = value
    }
    const keys = Object.keys(next)
    if (
      keys.length === Object.keys(snapshot).length &&
      keys.every((key) => Object.is(next[key], snapshot[key]))
    ) {
      return false
    }
    snapshot = Object.freeze(next)
    return true
  }

  function transition(event: Event): boolean {
    const candidates = table[state][event.type as Event['type']] ?? []
    const index = candidates.findIndex((candidate) =>
      [candidate.guard ?? []].flat().every((guard) => guard(context, event, env)),
    )
    const chosen = candidates[index]
    if (!chosen) return false
    const from = state
    for (const action of chosen.actions ?? []) action(context, event, env)
    state = chosen.target ?? state
    onTransition?.({ machine: definition.name, from, to: state, event: event.type, index })
    return refresh()
  }

  function dispatch(event: Event): void {
    if (disposed) return
    queue.push(event)
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

  refresh()
  return {
    getSnapshot: () => snapshot as Snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    send: dispatch,
    dispose() {
      disposed = true
      work.abort()
      listeners.clear()
      queue.length = 0
    },
  }
}

function toKitClientError(error: unknown): KitClientError {
  return isKitClientError(error)
    ? error
    : new KitClientError('bad_response', { status: 0, cause: error })
}
