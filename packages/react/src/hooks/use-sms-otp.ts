import { useMutation } from '@tanstack/react-query'
import type {
  AuthenticatedResponse,
  FlowResponse,
  KitClientError,
  SmsSendResponse,
} from '@centagate-kit/client'
import { useKitClient } from '../provider/kit-client-context'
import type { SmsOtpController, SmsOtpStatus } from '../sms-otp/sms-otp-controller'
import { useSingleFlight } from './use-single-flight'

export interface UseSmsOtpOptions {
  /** Called when a code verified and the flow is authenticated. */
  onAuthenticated?: (result: AuthenticatedResponse) => void
  /** Masked phone to show before the first send (from the flow's method hint). */
  maskedPhone?: string
}

/**
 * SMS OTP on react-query mutations over `client.smsSend` / `client.smsVerify` (an active flow
 * must exist: `login/start` or `stepup/start`). Never retries a send.
 */
export function useSmsOtp(options: UseSmsOtpOptions = {}): SmsOtpController {
  const client = useKitClient()
  const sendMutation = useMutation<SmsSendResponse, KitClientError, void>({
    mutationFn: () => client.smsSend(),
    retry: false,
  })
  const verifyMutation = useMutation<FlowResponse, KitClientError, string>({
    mutationFn: (code) => client.smsVerify({ code }),
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
  const lockedUntil = error?.lockedUntil
  const status: SmsOtpStatus =
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
    status,
    sent: sendMutation.data,
    maskedPhone: sendMutation.data?.maskedPhone ?? options.maskedPhone,
    error,
    attemptsLeft: verifyMutation.error?.attemptsLeft ?? sendMutation.data?.attemptsLeft,
    lockedUntil,
    result: verifyMutation.data,
    send,
    verify,
  }
}
