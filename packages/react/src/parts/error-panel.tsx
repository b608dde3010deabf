import { useEffect, useRef } from 'react'
import type { KitClientError } from '@centagate-kit/client'
import { errorMessage } from '../i18n/error-message'
import { formatClockTime } from '../i18n/format-time'
import { useI18n } from '../i18n/use-i18n'
import { useServerClock } from '../hooks/use-server-clock'
import { partsOf } from '../internal/anatomy'
import type { ErrorPanelPart } from './shared-anatomy'

export interface ErrorPanelProps {
  scope: string
  error: KitClientError | undefined
  /** Moves focus to the panel each time a new error appears. @default true */
  focusOnError?: boolean
}

/**
 * A step-level error (send failed, locked, rejected, network...). Focus moves here when it
 * appears, which makes screen readers read it once; it is deliberately not a live region too.
 * Lockout and retry times are wall-clock times converted from the server clock.
 */
export function ErrorPanel({ scope, error, focusOnError = true }: ErrorPanelProps) {
  const i18n = useI18n()
  const clock = useServerClock()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (error && focusOnError) ref.current?.focus()
  }, [error, focusOnError])
  if (!error) return null
  const part = partsOf<ErrorPanelPart>(scope)
  const time = (at: number) =>
    formatClockTime(at, { locale: i18n.locale, offsetMs: clock.offsetMs })
  return (
    <div ref={ref} {...part('error')} data-error-code={error.code} tabIndex={-1}>
      <p {...part('error-text')}>{errorMessage(i18n, error)}</p>
      {error.lockedUntil !== undefined ? (
        <p {...part('error-time')}>
          {i18n.t('error.lockedUntil', { time: time(error.lockedUntil) })}
        </p>
      ) : error.retryAt !== undefined ? (
        <p {...part('error-time')}>{i18n.t('error.retryAt', { time: time(error.retryAt) })}</p>
      ) : null}
    </div>
  )
}
