import type { QrStatusResponse } from '@centagate-kit/protocol'
import type { KitClient } from './kit-client'
import type { KitClientError } from './kit-client-error'
import type { VisibilitySource } from './visibility'

export interface QrPollerOptions {
  client: KitClient
  /** Epoch ms (server clock) when the QR expires: polling stops then. */
  expiresAt: number
  /** Delay before the first poll (the send response's `pollAfterMs`). */
  initialDelayMs: number
  /** Aborting stops polling and the request in flight. */
  signal: AbortSignal
  /** @default documentVisibility() */
  visibility?: VisibilitySource
  /** Backoff ceiling. @default 8000 */
  maxDelayMs?: number
  /** Polling never lasts longer than this. @default 600000 */
  hardStopMs?: number
  /** Called once with a final status (anything but `pending`). */
  onResult: (result: QrStatusResponse) => void
  onError: (error: KitClientError) => void
}

export interface QrPoller {
  stop(): void
}

export function createQrPoller(_options: QrPollerOptions): QrPoller {
  throw new Error('not implemented')
}
