import type { AuthenticatedResponse } from '@centagate-kit/client'
import type { ChallengeResponseController } from '../challenge-response/challenge-response-controller'
import { useKitClient } from '../provider/kit-client-context'
import { useSendAndVerify } from './use-send-and-verify'

export interface UseChallengeResponseOptions {
  onAuthenticated?: (result: AuthenticatedResponse) => void
}

/** Challenge-response token flow on react-query mutations (`challenge/send`, `challenge/verify`). */
export function useChallengeResponse(
  options: UseChallengeResponseOptions = {},
): ChallengeResponseController {
  const client = useKitClient()
  const { phase, sent, ...flow } = useSendAndVerify({
    send: () => client.challengeSend(),
    verify: (response) => client.challengeVerify({ response }),
    onAuthenticated: options.onAuthenticated,
  })
  return { ...flow, status: phase === 'sent' ? 'awaiting-response' : phase, challenge: sent }
}
