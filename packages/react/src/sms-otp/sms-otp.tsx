import { useEffect, useId, useState } from 'react'
import { isWebOtpSupported, receiveWebOtp } from '@centagate-kit/client'
import { useServerClock } from '../hooks/use-server-clock'
import { useSmsOtp, type UseSmsOtpOptions } from '../hooks/use-sms-otp'
import { useI18n } from '../i18n/use-i18n'
import { CodeForm, isFieldError } from '../parts/code-form'
import { CountdownText } from '../parts/countdown-text'
import { ErrorPanel } from '../parts/error-panel'
import { StepHeading } from '../parts/step-heading'
import type { SmsOtpController } from './sms-otp-controller'
import { SmsOtpDestination } from './sms-otp-destination'
import { SmsOtpRoot } from './sms-otp-root'
import { SmsOtpSendButton } from './sms-otp-send-button'

export interface SmsOtpViewProps {
  controller: SmsOtpController
  /** Digits in the code. @default 6 */
  length?: number
  /** Focus the heading (or the field once sent) when the step opens. @default false */
  focusOnMount?: boolean
  /** Listen for the SMS with WebOTP where the browser supports it. @default true */
  webOtp?: boolean
}

/**
 * The SMS OTP step: send, masked phone, resend cooldown and code expiry as two distinct timers,
 * attempts left, lockout with its end time, WebOTP where available.
 */
export function SmsOtpView({
  controller,
  length = 6,
  focusOnMount = false,
  webOtp = true,
}: SmsOtpViewProps) {
  const { t } = useI18n()
  const clock = useServerClock()
  const titleId = useId()
  const { status, sent, error } = controller
  const [incoming, setIncoming] = useState<string | undefined>()

  // An expired or exhausted code cannot be entered any more: only "send a new code" remains.
  const codeDead = error?.code === 'otp_expired' || error?.code === 'challenge_locked'
  const awaiting =
    sent !== undefined &&
    !codeDead &&
    (status === 'sent' || status === 'verifying' || status === 'error')
  useEffect(() => {
    if (!webOtp || !sent || !isWebOtpSupported()) return
    const abort = new AbortController()
    receiveWebOtp({ signal: abort.signal })
      .then((code) => {
        if (code) setIncoming(code)
      })
      .catch(() => {})
    return () => abort.abort()
  }, [webOtp, sent])

  return (
    <SmsOtpRoot status={status} labelledBy={titleId}>
      <StepHeading scope="sms-otp" id={titleId} focusOnMount={focusOnMount && !sent}>
        {t('sms.title')}
      </StepHeading>
      <SmsOtpDestination
        maskedPhone={sent?.maskedPhone ?? controller.maskedPhone}
        sent={Boolean(sent)}
      />
      {status === 'verified' ? (
        <p data-scope="sms-otp" data-part="status" data-state="approved" role="status">
          {t('stepup.approved')}
        </p>
      ) : (
        <>
          {awaiting ? (
            <>
              <CodeForm
                scope="sms-otp"
                label={t('otp.label')}
                length={length}
                error={error}
                attemptsLeft={controller.attemptsLeft}
                submitting={status === 'verifying'}
                onSubmit={controller.verify}
                // The field appears after a send: focus moves to it (the step's field).
                focusOnMount
                incomingCode={incoming}
              />
              <CountdownText
                scope="sms-otp"
                part="expiry-timer"
                deadline={sent.expiresAt}
                clock={clock}
                running="sms.expiresIn"
                done="sms.expired"
              />
            </>
          ) : null}
          <ErrorPanel scope="sms-otp" error={isFieldError(error) ? undefined : error} />
          {status !== 'locked' ? (
            <SmsOtpSendButton
              sent={sent}
              sending={status === 'sending'}
              clock={clock}
              onSend={controller.send}
            />
          ) : null}
        </>
      )}
    </SmsOtpRoot>
  )
}

export interface SmsOtpProps extends UseSmsOtpOptions, Omit<SmsOtpViewProps, 'controller'> {}

/** SMS OTP wired to the provider's client (an active login or step-up flow must exist). */
export function SmsOtp({ onAuthenticated, maskedPhone, ...props }: SmsOtpProps) {
  const controller = useSmsOtp({
    ...(onAuthenticated ? { onAuthenticated } : {}),
    ...(maskedPhone ? { maskedPhone } : {}),
  })
  return <SmsOtpView controller={controller} {...props} />
}
