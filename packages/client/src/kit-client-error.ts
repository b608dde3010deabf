/**
 * The one error type every kit call throws: a stable code (the server's kit codes plus the
 * transport failures only the browser sees) and the data the UI needs to explain it.
 */
import type { KitErrorCode } from '@centagate-kit/protocol'

/** Every way a kit call can fail, as seen by the browser. */
export type KitClientErrorCode = KitErrorCode | 'network_error' | 'bad_response' | 'aborted'

/** Fields of a {@link KitClientError} besides its code. */
export interface KitClientErrorInit {
  /** HTTP status; 0 when no response arrived. */
  status: number
  /** i18n key. @default `kit.<code>` */
  messageKey?: string | undefined
  returnCode?: string | undefined
  attemptsLeft?: number | undefined
  retryAt?: number | undefined
  lockedUntil?: number | undefined
  transactionId?: string | undefined
  maxAgeSeconds?: number | undefined
  fields?: readonly string[] | undefined
  requestId?: string | undefined
  cause?: unknown
}

/**
 * A failed kit call. Never carries a code the user typed or any secret.
 *
 * The fields are `declare`d: the constructor sets only those present (no own `undefined` keys),
 * and no class-field helper is emitted for older targets. {@link KitClientErrorInit} names the
 * same fields, so the constructor copies them without listing them.
 */
export class KitClientError extends Error {
  declare readonly code: KitClientErrorCode
  /** HTTP status; 0 for network errors and aborts. */
  declare readonly status: number
  /** i18n key, e.g. `kit.otp_invalid` or `centagate.invalid_sms_otp`. */
  declare readonly messageKey: string
  /** CENTAGATE return code behind the error, where there is one. */
  declare readonly returnCode?: string
  /** Wrong codes still allowed for the current code. */
  declare readonly attemptsLeft?: number
  /** Epoch ms (server clock) when the user may try again. */
  declare readonly retryAt?: number
  /** Epoch ms (server clock) when a lockout ends. */
  declare readonly lockedUntil?: number
  /** For `step_up_required`: the transaction to step up for. */
  declare readonly transactionId?: string
  /** For `step_up_required`: the accepted age of a step-up. */
  declare readonly maxAgeSeconds?: number
  /** For `invalid_input`: the offending field paths (names only, never values). */
  declare readonly fields?: readonly string[]
  /** Server request id, to match the server's log line. */
  declare readonly requestId?: string

  constructor(code: KitClientErrorCode, init: KitClientErrorInit) {
    super(
      `centagate-kit: ${code}${init.status ? ` (HTTP ${init.status})` : ''}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    )
    // Every init field but `cause` (already on the Error) is a field of the same name, set only
    // when present (exactOptionalPropertyTypes: no own `undefined` keys).
    for (const [field, value] of Object.entries(init)) {
      if (value !== undefined && field !== 'cause') (this as Record<string, unknown>)[field] = value
    }
    this.name = 'KitClientError'
    this.code = code
    this.messageKey = init.messageKey ?? `kit.${code}`
  }
}

/** Whether `value` is a {@link KitClientError} (also across bundle copies, by shape). */
export function isKitClientError(value: unknown): value is KitClientError {
  if (value instanceof KitClientError) return true
  return (
    value instanceof Error &&
    value.name === 'KitClientError' &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { status?: unknown }).status === 'number'
  )
}
