/**
 * Time formatting with `Intl` only. Countdowns are shown as `m:ss` (digits stay LTR in RTL pages
 * through the `dir="ltr"` wrapper of the parts that render them).
 */
export function formatCountdown(remainingMs: number, locale = 'en'): string {
  const totalSeconds = Math.max(0, Math.ceil(remainingMs / 1000))
  const minutes = Math.floor(totalSeconds / 60)
  const seconds = totalSeconds % 60
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false })
  const one = new Intl.NumberFormat(locale, { useGrouping: false })
  return `${one.format(minutes)}:${two.format(seconds)}`
}

/**
 * A wall-clock time for "try again at 14:05". `serverEpochMs` is on the server's clock; subtracting
 * the learnt offset gives the same instant on the user's clock.
 */
export function formatClockTime(
  serverEpochMs: number,
  options: { locale?: string; offsetMs?: number; timeZone?: string } = {},
): string {
  const local = serverEpochMs - (options.offsetMs ?? 0)
  return new Intl.DateTimeFormat(options.locale ?? 'en', {
    hour: 'numeric',
    minute: '2-digit',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(local)
}
