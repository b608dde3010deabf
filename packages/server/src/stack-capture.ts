/**
 * Expected outcomes (a wrong code, a refused request) travel as thrown errors, but nobody reads
 * their stack: capturing one through the deep async frames of a request showed as ~4 % of the
 * server's CPU in the benchmark profile. V8 engines honour `Error.stackTraceLimit`; elsewhere
 * these are no-ops.
 */
type StackLimited = { stackTraceLimit?: number }

/** Stops stack capture for the next `new Error()`; returns what {@link resumeStackCapture} needs. */
export function pauseStackCapture(): number | undefined {
  const previous = (Error as StackLimited).stackTraceLimit
  if (previous !== undefined) (Error as StackLimited).stackTraceLimit = 0
  return previous
}

export function resumeStackCapture(previous: number | undefined): void {
  if (previous !== undefined) (Error as StackLimited).stackTraceLimit = previous
}
