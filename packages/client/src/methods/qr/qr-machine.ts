/** QR transaction signing: `qr/send`, `qr/status` polling, or `qr/verify` with the app's OTP. */
import type { QrSendResponse } from '@centagate-kit/protocol'
import type { Machine } from '../../machine/machine-types'
import { createMethodMachine } from '../create-method-machine'
import type { MethodCalls, MethodMachineOptions, MethodSnapshot, QrEvent } from '../method-types'
import { type QrState, qrTransitions } from './qr-transitions'

export type QrSnapshot = MethodSnapshot<QrState, 'qr', QrSendResponse>
export type QrMachine = Machine<QrSnapshot, QrEvent>

const qrCalls: MethodCalls = {
  method: 'qr',
  field: 'otp',
  send: (client, options) => client.qrSend(options),
  verify: (client, otp, options) => client.qrVerify({ otp }, options),
}

/**
 * Creates a QR signing machine for an existing step-up flow; `CODE.SEND` shows a (new) QR and
 * starts polling, which pauses while the page is hidden and stops at the QR's expiry, on a new QR,
 * or on `dispose()`.
 */
export function createQrMachine(options: MethodMachineOptions): QrMachine {
  return createMethodMachine(qrTransitions, qrCalls, options)
}
