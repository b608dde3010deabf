/**
 * The emulator's clock. Every time the emulator uses (timestamp window, OTP expiry, TOTP steps,
 * cooldowns, lockouts) comes from `now()`, so tests move time with `advance()` (or the control API
 * `POST /__emulator/clock`) instead of sleeping.
 */
export interface EmulatorClock {
  /** Milliseconds since the epoch, like `Date.now()`. */
  now(): number
  /** Moves the clock forward (or back, with a negative value) by `seconds`. */
  advance(seconds: number): void
  /** The current offset from the base clock, in milliseconds. */
  offsetMs(): number
  /** Sets the offset from the base clock (used by state import). */
  setOffsetMs(offset: number): void
}

/**
 * A clock that runs with `base` (default `Date.now`) plus an offset that `advance` changes.
 * @param base the underlying time source; inject a fixed function for fully deterministic tests.
 */
export function createEmulatorClock(base: () => number = () => Date.now()): EmulatorClock {
  let offset = 0
  return {
    now: () => base() + offset,
    advance(seconds) {
      if (!Number.isFinite(seconds)) throw new TypeError('advance: seconds must be a finite number')
      offset += Math.round(seconds * 1000)
    },
    offsetMs: () => offset,
    setOffsetMs(value) {
      offset = value
    },
  }
}

/** Unix time in whole seconds. */
export function unixSeconds(clock: Pick<EmulatorClock, 'now'>): number {
  return Math.floor(clock.now() / 1000)
}
