import { useMutation } from '@tanstack/react-query'
import type {
  AuthenticatedResponse,
  ChallengeSendResponse,
  FlowResponse,
  KitClientError,
} from '@centagate-kit/client'
import type {
  ChallengeResponseController,
  ChallengeResponseStatus,
} from '../challenge-response/challenge-response-controller'
import { useKitClient } from '../provider/kit-client-context'
import { useSingleFlight } from './use-single-flight'

export interface UseChallengeResponseOptions {
  onAuthenticated?: (result: AuthenticatedResponse) => void
}

/** Challenge-response token flow on react-query mutations (`challenge/send`, `challenge/verify`). */
export function useChallengeResponse(
  options: UseChallengeResponseOptions = {},
): ChallengeResponseController {
  const client = useKitClient()
  const sendMutation = useMutation<ChallengeSendResponse, KitClientError, void>({
    mutationFn: () => client.challengeSend(),
    retry: false,
  })
  const verifyMutation = useMutation<FlowResponse, KitClientError, string>({
    mutationFn: (response) => client.challengeVerify({ response }),
    retry: false,
    onSuccess: (result) => {
      if (result.status === 'authenticated') options.onAuthenticated?.(result)
    },
  })
  const send = useSingleFlight(() => {
    verifyMutation.reset()
    return sendMutation.mutateAsync()
  })
  const verify = useSingleFlight((response: string) => verifyMutation.mutateAsync(response))
  const error = verifyMutation.error ?? sendMutation.error ?? undefined
  const status: ChallengeResponseStatus =
    error?.code === 'locked'
      ? 'locked'
      : verifyMutation.data?.status === 'authenticated'
        ? 'verified'
        : verifyMutation.isPending
          ? 'verifying'
          : sendMutation.isPending
            ? 'sending'
            : sendMutation.data
              ? 'awaiting-response'
              : error
                ? 'error'
                : 'idle'
  return {
    status,
    challenge: sendMutation.data,
    error,
    attemptsLeft: verifyMutation.error?.attemptsLeft ?? sendMutation.data?.attemptsLeft,
    lockedUntil: error?.lockedUntil,
    result: verifyMutation.data,
    send,
    verify,
  }
}
