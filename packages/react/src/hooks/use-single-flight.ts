import { useCallback, useRef } from 'react'

/**
 * Wraps an async action so that calls made while it runs are dropped: a double click on "Send
 * code" must not text twice. A ref, not state, so two clicks in the same frame are caught too.
 */
export function useSingleFlight<A extends unknown[]>(
  action: (...args: A) => Promise<unknown>,
): (...args: A) => void {
  const running = useRef(false)
  return useCallback(
    (...args: A) => {
      if (running.current) return
      running.current = true
      action(...args)
        .catch(() => {})
        .finally(() => {
          running.current = false
        })
    },
    [action],
  )
}
