import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'
import { createCountdown, type ServerClock } from '@centagate-kit/client'

const noop = () => {}

/**
 * Milliseconds left until `deadline` (server clock, corrected by `clock`), ticking once a second.
 * `undefined` without a deadline and during server rendering/hydration, so markup is stable.
 */
export function useCountdown(deadline: number | undefined, clock: ServerClock): number | undefined {
  const countdown = useMemo(
    () => (deadline === undefined ? undefined : createCountdown(deadline, clock)),
    [deadline, clock],
  )
  useEffect(() => () => countdown?.stop(), [countdown])
  const subscribe = useCallback(
    (listener: () => void) => (countdown ? countdown.subscribe(listener) : noop),
    [countdown],
  )
  return useSyncExternalStore(
    subscribe,
    () => countdown?.getSnapshot(),
    () => undefined,
  )
}
