/**
 * Challenge-response with a hardware token: `challenge/send` shows a challenge to key into the
 * token, `challenge/verify` checks the response it shows. The table is the code methods'.
 */
import type { ChallengeSendResponse } from '@centagate-kit/protocol'
import type { Machine } from '../../machine/machine-types'
import { type CodeState, codeTransitions } from '../code/code-transitions'
import { createMethodMachine } from '../create-method-machine'
import type {
  MethodCalls,
  MethodEvent,
  MethodMachineOptions,
  MethodSnapshot,
} from '../method-types'

export type ChallengeSnapshot = MethodSnapshot<CodeState, 'challenge', ChallengeSendResponse>
export type ChallengeMachine = Machine<ChallengeSnapshot, MethodEvent>

const challengeCalls: MethodCalls = {
  method: 'challenge',
  field: 'response',
  send: (client, options) => client.challengeSend(options),
  verify: (client, response, options) => client.challengeVerify({ response }, options),
}

/** Creates a challenge-response machine for an existing flow; `CODE.SEND` asks for a challenge. */
export function createChallengeMachine(options: MethodMachineOptions): ChallengeMachine {
  return createMethodMachine(codeTransitions, challengeCalls, options)
}
