/** Actions only the QR signing machine takes. */
import type { QrSendResponse } from '@centagate-kit/protocol'
import type { Action } from '../../machine/machine-types'
import { createQrPoller } from '../../qr-poller'
import type { MethodContext, MethodEnv, MethodMachineEvent } from '../method-types'

type QrAction = Action<MethodContext, MethodMachineEvent, MethodEnv>

/**
 * Polls `qr/status` (a push: `push/status`, the method's `poll` call) until a final status, the
 * expiry, or the next cancel.
 */
export const startPolling: QrAction = (context, _, env) => {
  const qr = context.sent as Pick<QrSendResponse, 'expiresAt' | 'pollAfterMs'> | undefined
  if (!qr) return
  const poll = env.calls.poll
  createQrPoller({
    client: env.client,
    ...(poll ? { poll: (options) => poll(env.client, options ?? {}) } : {}),
    expiresAt: qr.expiresAt,
    initialDelayMs: qr.pollAfterMs,
    signal: env.signal(),
    visibility: env.visibility,
    onResult: (response) => env.dispatch({ type: 'POLL.DONE', response }),
    onError: (error) => env.dispatch({ type: 'POLL.FAILED', error }),
  })
}

/** The QR expired: its status says so; a stale wrong-OTP error would only confuse. */
export const clearError: QrAction = (context) => {
  context.error = context.retryAt = undefined
}
