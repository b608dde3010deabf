import type { ServerClock } from '@centagate-kit/client'
import { formatCountdown } from '../i18n/format-time'
import { useI18n } from '../i18n/use-i18n'
import type { MessageKey } from '../messages/en'
import { useCountdown } from '../hooks/use-countdown'
import type { CountdownPart } from './shared-anatomy'

export interface CountdownTextProps {
  scope: string
  /** `expiry-timer` or `resend-timer`: two distinct things, never merged. */
  part: CountdownPart
  /** Deadline on the server clock (epoch ms). */
  deadline: number | undefined
  clock: ServerClock
  /** Message with a `{time}` placeholder, shown while time is left. */
  running: MessageKey
  /** Message once the deadline passed (omit to render nothing). */
  done?: MessageKey
}

/**
 * A countdown from a server time. Not a live region: it would be announced every second. The
 * digits are isolated LTR so `4:59` reads the same in RTL pages.
 */
export function CountdownText({ scope, part, deadline, clock, running, done }: CountdownTextProps) {
  const i18n = useI18n()
  const remaining = useCountdown(deadline, clock)
  if (deadline === undefined || remaining === undefined) return null
  const expired = remaining <= 0
  if (expired && !done) return null
  const [before, after] = i18n.t(running, { time: '\u0000' }).split('\u0000')
  return (
    <p
      data-scope={scope}
      data-part={part}
      data-state={expired ? 'done' : 'running'}
      data-remaining-ms={remaining}
    >
      {expired && done ? (
        i18n.t(done)
      ) : (
        <>
          {before}
          <bdi dir="ltr">{formatCountdown(remaining, i18n.locale)}</bdi>
          {after}
        </>
      )}
    </p>
  )
}
