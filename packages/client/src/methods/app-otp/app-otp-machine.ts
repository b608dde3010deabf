/**
 * The code the CENTAGATE app (a soft token, an authenticator) shows: `app-otp/start` opens the
 * window (nothing is sent: the code is already on the phone), `app-otp/verify` checks the typed
 * code. The table is the code methods' (`codeTransitions`): wrong code → attempts left, the
 * window's expiry → expired (a new window with `CODE.SEND`), locked as the others.
 */
import type { AppOtpStartResponse } from '@centagate-kit/protocol'
import type { Machine } from '../../machine/machine-types'
import { type CodeState, codeTransitions } from '../code/code-transitions'
import { createMethodMachine } from '../create-method-machine'
import type {
  MethodCalls,
  MethodEvent,
  MethodMachineOptions,
  MethodSnapshot,
} from '../method-types'

export type AppOtpSnapshot = MethodSnapshot<CodeState, 'app_otp', AppOtpStartResponse>
export type AppOtpMachine = Machine<AppOtpSnapshot, MethodEvent>

const appOtpCalls: MethodCalls = {
  method: 'app_otp',
  field: 'code',
  send: (client, options) => client.appOtpStart(options),
  verify: (client, code, options) => client.appOtpVerify({ code }, options),
}

/**
 * Creates an app-code machine for an existing flow. Starts in `idle`; `CODE.SEND` opens the
 * window (the `AppOtp` widget and `StepUp` send it at once, so the user starts typing).
 *
 * @example
 * const appOtp = createAppOtpMachine({ client, onAuthenticated: () => location.assign('/done') })
 * appOtp.send({ type: 'CODE.SEND' })
 * appOtp.send({ type: 'CODE.SUBMIT', code: '123456' })
 */
export function createAppOtpMachine(options: MethodMachineOptions): AppOtpMachine {
  return createMethodMachine(codeTransitions, appOtpCalls, options)
}
