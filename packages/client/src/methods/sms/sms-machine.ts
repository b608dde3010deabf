/**
 * SMS one-time code: `sms/send`, then `sms/verify` with the typed code. The table is the code
 * methods' (`codeTransitions`); SMS adds the resend cooldown (`sent.resendAvailableAt`), before
 * which a new code is refused locally with the exact wait.
 */
import type { SmsSendResponse } from '@centagate-kit/protocol'
import type { Machine } from '../../machine/machine-types'
import { type CodeState, codeTransitions } from '../code/code-transitions'
import { createMethodMachine } from '../create-method-machine'
import type {
  MethodCalls,
  MethodEvent,
  MethodMachineOptions,
  MethodSnapshot,
} from '../method-types'

export type SmsSnapshot = MethodSnapshot<CodeState, 'sms', SmsSendResponse>
export type SmsMachine = Machine<SmsSnapshot, MethodEvent>

const smsCalls: MethodCalls = {
  method: 'sms',
  field: 'code',
  send: (client, options) => client.smsSend(options),
  verify: (client, code, options) => client.smsVerify({ code }, options),
}

/**
 * Creates an SMS machine for a flow that already exists (`login/start` or `stepup/start`). Starts
 * in `idle`: `CODE.SEND` texts the code. The step-up machine creates one per SMS choice.
 *
 * @example
 * const sms = createSmsMachine({ client, onAuthenticated: () => location.assign('/done') })
 * sms.subscribe(() => render(sms.getSnapshot()))
 * sms.send({ type: 'CODE.SEND' })
 */
export function createSmsMachine(options: MethodMachineOptions): SmsMachine {
  return createMethodMachine(codeTransitions, smsCalls, options)
}
