import type { AuthenticatedResponse } from '@centagate-kit/client'
import { useKitClient } from '../provider/kit-client-context'
import type { SmsOtpController } from '../sms-otp/sms-otp-controller'
import { useSendAndVerify } from './use-send-and-verify'

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
  const { phase, sent, ...flow } = useSendAndVerify({
    send: () => client.smsSend(),
    verify: (code) => client.smsVerify({ code }),
    onAuthenticated: options.onAuthenticated,
  })
  return {
    ...flow,
    status: phase,
    sent,
    maskedPhone: sent?.maskedPhone ?? options.maskedPhone,
  }
}
