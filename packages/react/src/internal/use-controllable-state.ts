import { useCallback, useState } from 'react'
import { useLatest } from './use-latest'

/**
 * Controlled when `value` is defined, uncontrolled otherwise (starting at `defaultValue`).
 * `onChange` receives a details object so fields can be added later without breaking callers.
 */
export function useControllableState<T>(options: {
  value: T | undefined
  defaultValue: T
  onChange?: ((details: { value: T }) => void) | undefined
}): [T, (next: T) => void] {
  const { value, defaultValue, onChange } = options
  const [internal, setInternal] = useState(defaultValue)
  const controlled = value !== undefined
  const current = controlled ? value : internal
  const onChangeRef = useLatest(onChange)
  const currentRef = useLatest(current)
  const set = useCallback(
    (next: T) => {
      if (Object.is(next, currentRef.current)) return
      if (!controlled) setInternal(next)
      currentRef.current = next
      onChangeRef.current?.({ value: next })
    },
    [controlled, currentRef, onChangeRef],
  )
  return [current, set]
}
