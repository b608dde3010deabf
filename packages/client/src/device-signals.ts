/**
 * Device signals sent with every kit call: `navigator.userAgent` and the FingerprintJS visitor id.
 * The fingerprint is loaded lazily after `start()` and never blocks a request for longer than the
 * deadline: the request then goes with `browserFp: ""`.
 */

export interface DeviceSignals {
  /** Starts loading the fingerprint (call on mount or idle, never on submit). */
  start(): void
  /** Signals, waiting at most `deadlineMs` for the visitor id; never rejects. */
  get(): Promise<{ userAgent: string; browserFp: string }>
}

export interface DeviceSignalsOptions {
  /** Compute a FingerprintJS visitor id. @default true */
  fingerprint?: boolean
  /** How long `get()` waits for the visitor id. @default 300 */
  deadlineMs?: number
}

export function createDeviceSignals(_options: DeviceSignalsOptions = {}): DeviceSignals {
  throw new Error('not implemented')
}
