/**
 * A ticking "time left" for a server deadline, in a shape React's useSyncExternalStore accepts
 * (subscribe + getSnapshot). The snapshot is rounded up to whole seconds so that it only changes
 * once a second and reaches 0 exactly at the deadline.
 */
import type { ServerClock } from './server-clock'

export interface Countdown {
  /** Calls `listener` whenever the snapshot changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** Remaining ms, a multiple of 1000 rounded up; 0 once the deadline passed. */
  getSnapshot(): number
  /** Stops ticking (listeners are kept but never called again). */
  stop(): void
}

/**
 * Creates a countdown to `deadline` (epoch ms, server clock).
 * @param options.tickMs how often the clock is read. @default 250
 */
export function createCountdown(
  deadline: number,
  clock: ServerClock,
  options: { tickMs?: number } = {},
): Countdown {
  const tickMs = options.tickMs ?? 250
  const listeners = new Set<() => void>()
  const read = () => Math.ceil(clock.remainingMs(deadline) / 1000) * 1000
  let snapshot = read()
  let timer: ReturnType<typeof setInterval> | undefined
  let stopped = false

  const tick = () => {
    const next = read()
    if (next !== snapshot) {
      snapshot = next
      for (const listener of [...listeners]) listener()
    }
    if (next === 0) stopTimer()
  }
  const stopTimer = () => {
    if (timer !== undefined) clearInterval(timer)
    timer = undefined
  }
  // Timers start lazily on first subscribe: SSR and unmounted countdowns never tick.
  const ensureTimer = () => {
    if (timer === undefined && !stopped && snapshot > 0) timer = setInterval(tick, tickMs)
  }

  return {
    subscribe(listener) {
      listeners.add(listener)
      ensureTimer()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) stopTimer()
      }
    },
    getSnapshot() {
      if (!stopped && timer === undefined) snapshot = read()
      return snapshot
    },
    stop() {
      stopped = true
      stopTimer()
    },
  }
}
