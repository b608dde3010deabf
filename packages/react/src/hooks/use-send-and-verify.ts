import { useMutation } from '@tanstack/react-query'
import type { AuthenticatedResponse, FlowResponse, KitClientError } from '@centagate-kit/client'
import { useSingleFlight } from './use-single-flight'

/** Where a send-then-verify code flow is; the widgets name `sent` their own way. */
export type SendVerifyPhase =
  'idle' | 'sending' | 'sent' | 'verifying' | 'verified' | 'locked' | 'error'

/**
 * The shared core of the SMS and challenge-response hooks: a send and a verify mutation (never
 * retried), single-flight so a double click sends once, a new send clearing the last verify.
 */
export function useSendAndVerify<Sent extends { attemptsLeft: number }>(options: {
  send: () => Promise<Sent>
  verify: (code: string) => Promise<FlowResponse>
  onAuthenticated?: ((result: AuthenticatedResponse) => void) | undefined
}) {
  const sendMutation = useMutation<Sent, KitClientError, void>({
    mutationFn: () => options.send(),
    retry: false,
  })
  const verifyMutation = useMutation<FlowResponse, KitClientError, string>({
    mutationFn: (code) => options.verify(code),
    retry: false,
    onSuccess: (result) => {
      if (result.status === 'authenticated') options.onAuthenticated?.(result)
    },
  })
  const send = useSingleFlight(() => {
    verifyMutation.reset()
    return sendMutation.mutateAsync()
  })
  const verify = useSingleFlight((code: string) => verifyMutation.mutateAsync(code))

  const error = verifyMutation.error ?? sendMutation.error ?? undefined
  const phase: SendVerifyPhase =
    error?.code === 'locked'
      ? 'locked'
      : verifyMutation.data?.status === 'authenticated'
        ? 'verified'
        : verifyMutation.isPending
          ? 'verifying'
          : sendMutation.isPending
            ? 'sending'
            : sendMutation.data
              ? 'sent'
              : error
                ? 'error'
                : 'idle'
  return {
    phase,
    sent: sendMutation.data,
    error,
    attemptsLeft: verifyMutation.error?.attemptsLeft ?? sendMutation.data?.attemptsLeft,
    lockedUntil: error?.lockedUntil,
    result: verifyMutation.data,
    send,
    verify,
  }
}
