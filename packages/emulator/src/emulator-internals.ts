import type { EmulatorClock } from './clock'
import type { FaultRegistry } from './faults'
import type { EmulatorSettings } from './settings'
import type { EmulatorState } from './state/state-schema'

/** Request counts per catalogue endpoint (tests assert "0 upstream calls", "exactly one attempt"). */
export interface EmulatorStats {
  total: number
  byEndpoint: Record<string, number>
  /** Requests to unknown paths (HTTP 404). */
  unmatched: number
}

/** What the control API needs from the emulator. */
export interface EmulatorInternals {
  readonly clock: EmulatorClock
  readonly faults: FaultRegistry
  /** Behaviour settings (lifetimes, attempt caps) for the device simulators. */
  readonly settings: EmulatorSettings
  state(): EmulatorState
  stats(): EmulatorStats
  resetStats(): void
  reset(): void
  exportState(): EmulatorState
  importState(value: unknown): void
}
