import { useEffect, useId, useState } from 'react'
import {
  isWebOtpSupported,
  receiveWebOtp,
  type MethodEvent,
  type SmsSnapshot,
} from '@centagate-kit/client'
import { useServerClock } from '../hooks/use-server-clock'
import { useSmsOtp, type UseSmsOtpOptions } from '../hooks/use-sms-otp'
import { useI18n } from '../i18n/use-i18n'
import { CodeForm, isFieldError } from '../parts/code-form'
import { CountdownText } from '../parts/countdown-text'
import { ErrorPanel } from '../parts/error-panel'
import { StepHeading } from '../parts/step-heading'
import { smsOtpPart } from './sms-otp-anatomy'
import { SmsOtpDestination } from './sms-otp-destination'
import { SmsOtpRoot } from './sms-otp-root'
import { SmsOtpSendButton } from './sms-otp-send-button'

export interface SmsOtpViewProps {
  /** The SMS machine's snapshot: standalone (`useSmsOtp`) or `<StepUp>`'s child. */
  snapshot: SmsSnapshot
  /** Sends the machine an event (`CODE.SEND`, `CODE.SUBMIT`). */
  send: (event: MethodEvent) => void
  /** Masked phone to show before the first send (the flow's method hint). */
  maskedPhone?: string | undefined
  /** Digits in the code. @default 6 */
  length?: number
  /** Focus the heading (or the field once sent) when the step opens. @default false */
  focusOnMount?: boolean
  /** Listen for the SMS with WebOTP where the browser supports it. @default true */
  webOtp?: boolean
}

/**
 * The SMS OTP step, rendered from the SMS machine's snapshot: send, masked phone, resend cooldown
 * and code expiry as two distinct timers, attempts left, lockout with its end time, WebOTP where
 * available. The code field exists only while the sent code can be entered: once it expired or
 * was used up, "Send a new code" replaces it.
 */
export function SmsOtpView({
  snapshot,
  send,
  maskedPhone,
  length = 6,
  focusOnMount = false,
  webOtp = true,
}: SmsOtpViewProps) {
  const { t } = useI18n()
  const clock = useServerClock()
  const titleId = useId()
  const { state, sent, error } = snapshot
  const [incoming, setIncoming] = useState<string | undefined>()
  const codeOpen =
    sent !== undefined && (state === 'awaiting-otp' || state === 'verifying' || state === 'error')
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
    <SmsOtpRoot state={state} labelledBy={titleId}>
      <StepHeading scope="sms-otp" id={titleId} focusOnMount={focusOnMount && !sent}>
        {t('sms.title')}
      </StepHeading>
      <SmsOtpDestination maskedPhone={sent?.maskedPhone ?? maskedPhone} sent={Boolean(sent)} />
      {state === 'approved' ? (
        <p {...smsOtpPart('status')} data-state="approved" role="status">
          {t('stepup.approved')}
        </p>
      ) : (
        <>
          {codeOpen ? (
            <>
              <CodeForm
                scope="sms-otp"
                label={t('otp.label')}
                length={length}
                error={error}
                attemptsLeft={snapshot.attemptsLeft}
                submitting={state === 'verifying'}
                onSubmit={(code) => send({ type: 'CODE.SUBMIT', code })}
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
          {state === 'locked' && snapshot.lockScope === 'user' ? null : (
            <SmsOtpSendButton
              sent={sent}
              sending={state === 'sending'}
              primary={!codeOpen}
              clock={clock}
              onSend={() => send({ type: 'CODE.SEND' })}
            />
          )}
        </>
      )}
    </SmsOtpRoot>
  )
}

export interface SmsOtpProps extends UseSmsOtpOptions, Omit<SmsOtpViewProps, 'snapshot' | 'send'> {}

/**
 * SMS OTP for a flow the app started (`login/start` or `stepup/start`): its own SMS machine on
 * the provider's client, or the `machine` passed in.
 */
export function SmsOtp({ onAuthenticated, machine, ...props }: SmsOtpProps) {
  const { snapshot, send } = useSmsOtp({
    ...(onAuthenticated ? { onAuthenticated } : {}),
    ...(machine ? { machine } : {}),
  })
  return <SmsOtpView snapshot={snapshot} send={send} {...props} />
}
