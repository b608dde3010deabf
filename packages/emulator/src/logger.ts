/** One line per answered request: never values, only what is safe to print. */
export interface RequestLogEntry {
  readonly method: string
  /** The matched path template (e.g. `device/listMultipleUserDevice/{username}/{cenToken}/{userId}`), never the raw path, which may carry a cenToken. */
  readonly path: string
  readonly endpoint: string | null
  readonly status: number
  /** CENTAGATE return code of the envelope, when there is one. */
  readonly code: string | null
  /** Fault kind applied, if any. */
  readonly fault: string | null
  readonly ms: number
}

/** Injectable logger. The core never logs secrets, OTPs, authTokens or HMACs. Default: silent. */
export interface EmulatorLogger {
  request?(entry: RequestLogEntry): void
  warn?(message: string): void
}

export const silentLogger: EmulatorLogger = {}
