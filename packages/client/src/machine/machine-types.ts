/**
 * The shape of every flow machine in the kit: a transition table keyed by named string states,
 * guards and actions as plain functions, and the few effects an action may start (requests,
 * timers, work it owns) through the interpreter, which cancels them all at once.
 */
import type { KitClientError } from '../kit-client-error'

/** A running machine: `useSyncExternalStore`-ready (`subscribe` + `getSnapshot`). */
export interface Machine<Snapshot, Event> {
  /** The same frozen object until something changes. */
  getSnapshot(): Snapshot
  /** Calls `listener` after each change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  send(event: Event): void
  /** Aborts requests in flight, stops timers and owned work, silences listeners (unmount). */
  dispose(): void
}

/** What `onTransition` reports: never an event payload (no codes). */
export interface TransitionInfo {
  /** The machine that took it: `step-up`, `sms`, `challenge`, `qr` or `enrolment`. */
  machine: string
  from: string
  to: string
  /** The event type (internal ones included, e.g. `SEND.DONE`). */
  event: string
  /** Index of the entry taken in `table[from][event]`. */
  index: number
}

/** What actions may start besides changing the context; `cancel()` stops all of it. */
export interface Effects<Event> {
  /** Runs a request; its outcome comes back as an event unless cancelled first. */
  run<T>(
    request: (signal: AbortSignal) => Promise<T>,
    done: (value: T) => Event,
    failed: (error: KitClientError) => Event,
  ): void
  /** Sends `event` after `delayMs`, unless cancelled first. */
  after(delayMs: number, event: Event): void
  /** Aborts at the next `cancel()`: hand it to work the machine owns (a poller, a child machine). */
  signal(): AbortSignal
  /** Aborts requests in flight, stops timers and owned work. */
  cancel(): void
  dispatch(event: Event): void
}

export type Guard<Context, Event, Env> = (context: Context, event: Event, env: Env) => boolean
export type Action<Context, Event, Env> = (context: Context, event: Event, env: Env) => void

export interface Transition<State, Context, Event, Env> {
  /** Every guard must pass; the first matching transition of a list wins. */
  guard?: Guard<Context, Event, Env> | readonly Guard<Context, Event, Env>[]
  /** Omitted: stay in the current state. */
  target?: State
  /** Run in order; they change the context in place. */
  actions?: readonly Action<Context, Event, Env>[]
}

/** The spec of a machine: for each state, the events it takes and the transitions they try. */
export type TransitionTable<State extends string, Event extends { type: string }, Context, Env> = {
  readonly [S in State]: {
    readonly [E in Event['type']]?: readonly Transition<State, Context, Event, Env>[]
  }
}
