/** Actions only the QR signing machine takes. */
import type { QrSendResponse } from '@centagate-kit/protocol'
import type { Action } from '../../machine/machine-types'
import { createQrPoller } from '../../qr-poller'
import type { MethodContext, MethodEnv, MethodMachineEvent } from '../method-types'

type QrAction = Action<MethodContext, MethodMachineEvent, MethodEnv>

/** Polls `qr/status` until a final status, the QR's expiry, or the next cancel. */
export const startPolling: QrAction = (context, _, env) => {
  const qr = context.sent as QrSendResponse | undefined
  if (!qr) return
  createQrPoller({
    client: env.client,
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
