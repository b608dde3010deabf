import type { FlowResponse, KitClientError, SmsSendResponse } from '@centagate-kit/client'

/** Named states of the SMS OTP widget (also its `data-state`). */
export type SmsOtpStatus =
  'idle' | 'sending' | 'sent' | 'verifying' | 'verified' | 'locked' | 'error'

/**
 * Everything the SMS OTP view shows and can do. `useSmsOtp()` builds one from react-query
 * mutations; `<StepUp>` builds one from the step-up machine.
 */
export interface SmsOtpController {
  status: SmsOtpStatus
  /** The last send: masked phone, expiry, resend time, attempts, sends left. */
  sent?: SmsSendResponse | undefined
  /** Masked phone known before sending (the method hint). */
  maskedPhone?: string | undefined
  error?: KitClientError | undefined
  attemptsLeft?: number | undefined
  lockedUntil?: number | undefined
  result?: FlowResponse | undefined
  /** Sends (or resends) a code. Ignored while a send is in flight or during the cooldown. */
  send: () => void
  verify: (code: string) => void
}
