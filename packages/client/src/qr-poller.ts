/**
 * Polls `qr/status` (or `push/status`) while the user approves the QR (or the push) in the
 * CENTAGATE app. Polite by design: the
 * delay grows x1.5 up to a ceiling, the server's `Retry-After` / `pollAfterMs` always wins when
 * longer, nothing is sent while the page is hidden, and polling ends at the QR's expiry (server
 * clock), at a hard stop, or the moment the signal aborts (no request after that).
 */
import type { QrStatusResponse } from '@centagate-kit/protocol'
import type { KitClient } from './kit-client'
import { KitClientError } from './kit-client-error'
import { documentVisibility } from './visibility'
import type { VisibilitySource } from './visibility'

export interface QrPollerOptions {
  client: KitClient
  /** The status call. @default client.qrStatus (`push/status` for a push: `client.pushStatus`) */
  poll?: KitClient['qrStatus']
  /** Epoch ms (server clock) when the QR expires: polling stops then. */
  expiresAt: number
  /** Delay before the first poll (the send response's `pollAfterMs`). */
  initialDelayMs: number
  /** Aborting stops polling and the request in flight. */
  signal: AbortSignal
  /** @default documentVisibility() */
  visibility?: VisibilitySource
  /** Backoff ceiling (a longer server hint still wins). @default 8000 */
  maxDelayMs?: number
  /** Polling never lasts longer than this. @default 600000 */
  hardStopMs?: number
  /** Transient failures (network, upstream) tolerated in a row before giving up. @default 3 */
  maxConsecutiveFailures?: number
  /**
   * Called once with the final status: approved (`authenticated`), `factor_required`, `rejected`
   * or `expired` (also synthesised at expiry or hard stop, without a request).
   */
  onResult: (result: QrStatusResponse) => void
  /** Called once when polling gives up on an error. */
  onError: (error: KitClientError) => void
}

export interface QrPoller {
  /** Stops polling and aborts the request in flight; no callback fires afterwards. */
  stop(): void
}

const backoffFactor = 1.5
/** setTimeout fires at once for delays above 2^31-1 ms. */
const maxTimerMs = 2_147_483_647
const transientErrors = new Set<string>([
  'network_error',
  'bad_response',
  'upstream_unavailable',
  'upstream_timeout',
  'upstream_error',
])

export function createQrPoller(options: QrPollerOptions): QrPoller {
  const { client, signal } = options
  const status = options.poll ?? ((callOptions) => client.qrStatus(callOptions))
  const clock = client.clock
  const visibility = options.visibility ?? documentVisibility()
  const maxDelayMs = options.maxDelayMs ?? 8000
  const maxFailures = options.maxConsecutiveFailures ?? 3
  const stopAt = Math.min(options.expiresAt, clock.now() + (options.hardStopMs ?? 600_000))

  let stopped = false
  let backoffMs = Math.max(0, options.initialDelayMs)
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let deadlineTimer: ReturnType<typeof setTimeout> | undefined
  /** A poll came due while the page was hidden: run it when the page shows again. */
  let duePoll = false
  let inFlight: AbortController | undefined

  const cleanup = () => {
    stopped = true
    if (timer !== undefined) clearTimeout(timer)
    if (deadlineTimer !== undefined) clearTimeout(deadlineTimer)
    timer = deadlineTimer = undefined
    inFlight?.abort()
    inFlight = undefined
    unsubscribe()
    signal.removeEventListener('abort', cleanup)
  }
  const finish = (report: () => void) => {
    if (stopped) return
    cleanup()
    report()
  }
  const expire = () =>
    finish(() => options.onResult({ status: 'expired', serverTime: Math.round(clock.now()) }))

  const armDeadline = () => {
    deadlineTimer = setTimeout(
      () => {
        // The clock offset may have moved since the timer was armed.
        if (clock.remainingMs(stopAt) > 0) armDeadline()
        else expire()
      },
      Math.min(clock.remainingMs(stopAt), maxTimerMs),
    )
  }

  const schedule = (delayMs: number) => {
    if (stopped) return
    if (timer !== undefined) clearTimeout(timer)
    // Never wait past the stop time: expiry is reported on time even with long server hints.
    const untilStop = clock.remainingMs(stopAt)
    timer = setTimeout(due, Math.max(0, Math.min(delayMs, untilStop, maxTimerMs)))
  }

  function due() {
    timer = undefined
    if (stopped) return
    if (clock.remainingMs(stopAt) <= 0) return expire()
    if (visibility.isHidden()) {
      duePoll = true
      return
    }
    void poll()
  }

  async function poll() {
    const controller = new AbortController()
    inFlight = controller
    try {
      const result = await status({ signal: controller.signal })
      if (stopped || controller.signal.aborted) return
      inFlight = undefined
      failures = 0
      if (result.status !== 'pending') {
        // Drop the transport-only hint: callers get exactly the protocol shape.
        const { retryAfterMs: _hint, ...final } = result as typeof result & {
          retryAfterMs?: number
        }
        return finish(() => options.onResult(final as QrStatusResponse))
      }
      backoffMs = Math.min(Math.max(backoffMs * backoffFactor, 1), maxDelayMs)
      const hint = Math.max(result.retryAfterMs ?? 0, result.pollAfterMs)
      schedule(Math.max(backoffMs, hint))
    } catch (error) {
      if (stopped || controller.signal.aborted) return
      inFlight = undefined
      const kitError =
        error instanceof KitClientError
          ? error
          : new KitClientError('bad_response', { status: 0, cause: error })
      if (kitError.code === 'rate_limited' && kitError.retryAt !== undefined) {
        return schedule(Math.max(backoffMs, clock.remainingMs(kitError.retryAt)))
      }
      if (transientErrors.has(kitError.code) && ++failures < maxFailures) {
        backoffMs = Math.min(Math.max(backoffMs * backoffFactor, 1), maxDelayMs)
        return schedule(backoffMs)
      }
      finish(() => options.onError(kitError))
    }
  }

  const unsubscribe = visibility.subscribe(() => {
    if (stopped || visibility.isHidden() || !duePoll) return
    duePoll = false
    due()
  })

  if (signal.aborted) {
    cleanup()
  } else {
    signal.addEventListener('abort', cleanup, { once: true })
    // Expiry is reported even while paused in a hidden tab.
    armDeadline()
    schedule(backoffMs)
  }
  return { stop: cleanup }
}
