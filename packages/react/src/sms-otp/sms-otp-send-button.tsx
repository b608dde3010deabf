import type { ServerClock, SmsSendResponse } from '@centagate-kit/client'
import { useCountdown } from '../hooks/use-countdown'
import { useI18n } from '../i18n/use-i18n'
import { CountdownText } from '../parts/countdown-text'
import { smsOtpPart } from './sms-otp-anatomy'

export interface SmsOtpSendButtonProps {
  sent: SmsSendResponse | undefined
  sending: boolean
  /**
   * The step's main action (no code to type: before the first send, after expiry or lockout);
   * otherwise a link-style "Send a new code". @default true
   */
  primary?: boolean
  disabled?: boolean
  clock: ServerClock
  onSend: () => void
}

/**
 * "Send code" / "Send a new code". Disabled while sending (a double click sends one SMS), during
 * the server's resend cooldown, and when the hourly quota is used up. The cooldown has its own
 * timer part (`resend-timer`), separate from the code expiry.
 */
export function SmsOtpSendButton({
  sent,
  sending,
  primary = true,
  disabled = false,
  clock,
  onSend,
}: SmsOtpSendButtonProps) {
  const { t } = useI18n()
  const cooldown = useCountdown(sent?.resendAvailableAt, clock)
  const coolingDown = sent !== undefined && (cooldown === undefined || cooldown > 0)
  const quotaUsed = sent !== undefined && sent.sendsLeft === 0
  return (
    <div {...smsOtpPart('send')}>
      <button
        type="button"
        {...smsOtpPart('send-button')}
        data-variant={primary ? 'primary' : 'link'}
        disabled={disabled || sending || coolingDown || quotaUsed}
        aria-busy={sending || undefined}
        onClick={onSend}
      >
        {sending ? t('sms.sending') : sent ? t('sms.resend') : t('sms.send')}
      </button>
      {sent ? (
        <CountdownText
          scope="sms-otp"
          part="resend-timer"
          deadline={sent.resendAvailableAt}
          clock={clock}
          running="sms.resendIn"
        />
      ) : null}
      {sent ? (
        <p {...smsOtpPart('sends-left')}>{t('sms.sendsLeft', { count: sent.sendsLeft })}</p>
      ) : null}
    </div>
  )
}
