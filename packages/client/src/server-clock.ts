/**
 * Countdowns come from server times (`expiresAt`, `resendAvailableAt`...), so the browser must
 * correct its own clock: a laptop 90 s fast would otherwise show a code as expired too early.
 */

/** The server's clock as estimated from `serverTime` in responses. */
export interface ServerClock {
  /** serverTime - local now, learnt from responses (ms). 0 until the first observation. */
  readonly offsetMs: number
  /** Learns the offset from a response's `serverTime`, received at local time `receivedAt`. */
  observe(serverTime: number, receivedAt?: number): void
  /** Estimated server now (epoch ms). */
  now(): number
  /** Time left until a server-clock deadline, never negative. */
  remainingMs(deadline: number): number
}

/**
 * Creates a server clock.
 * @param options.now local clock. @default Date.now
 */
export function createServerClock(options: { now?: () => number } = {}): ServerClock {
  const localNow = options.now ?? (() => Date.now())
  let offsetMs = 0
  return {
    get offsetMs() {
      return offsetMs
    },
    observe(serverTime, receivedAt) {
      if (!Number.isFinite(serverTime)) return
      // The latest observation wins: the user may fix their clock while the page is open.
      offsetMs = serverTime - (receivedAt ?? localNow())
    },
    now() {
      return localNow() + offsetMs
    },
    remainingMs(deadline) {
      return Math.max(0, deadline - (localNow() + offsetMs))
    },
  }
}
