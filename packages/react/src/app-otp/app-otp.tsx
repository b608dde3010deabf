import { useEffect, useId } from 'react'
import type { AppOtpSnapshot, MethodEvent } from '@centagate-kit/client'
import { useAppOtp, type UseAppOtpOptions } from '../hooks/use-app-otp'
import { useServerClock } from '../hooks/use-server-clock'
import { useI18n } from '../i18n/use-i18n'
import { dataFlag } from '../internal/data-attributes'
import { CodeForm, isFieldError } from '../parts/code-form'
import { CountdownText } from '../parts/countdown-text'
import { ErrorPanel } from '../parts/error-panel'
import { StepHeading } from '../parts/step-heading'
import { appOtpPart as part } from './app-otp-anatomy'

export interface AppOtpViewProps {
  /** The app-code machine's snapshot: standalone (`useAppOtp`) or `<StepUp>`'s child. */
  snapshot: AppOtpSnapshot
  /** Sends the machine an event (`CODE.SEND` opens a new window, `CODE.SUBMIT` a code). */
  send: (event: MethodEvent) => void
  /** Digits of the app's code. @default 6 */
  length?: number
  /** Focus the heading on open, then the code field once it is shown. @default false */
  focusOnMount?: boolean
}

/**
 * "Enter the code from the CENTAGATE app", rendered from the machine's snapshot: nothing is sent
 * (the code is on the phone), so the field is there as soon as the window is open; a wrong code
 * says the attempts left; once the window expired or was used up, "Start again" opens a new one.
 */
export function AppOtpView({ snapshot, send, length = 6, focusOnMount = false }: AppOtpViewProps) {
  const { t } = useI18n()
  const clock = useServerClock()
  const titleId = useId()
  const { state, sent, error } = snapshot
  const starting = state === 'sending'
  const codeOpen =
    sent !== undefined && (state === 'awaiting-otp' || state === 'verifying' || state === 'error')
  const ended = state === 'expired' || state === 'denied' || state === 'locked'
  return (
    <section
      {...part('root')}
      data-state={state}
      data-busy={dataFlag(starting || state === 'verifying')}
      aria-labelledby={titleId}
    >
      <StepHeading scope="app-otp" id={titleId} focusOnMount={focusOnMount && !sent}>
        {t('appOtp.title')}
      </StepHeading>
      {state === 'approved' ? (
        <p {...part('status')} data-state="approved" role="status">
          {t('stepup.approved')}
        </p>
      ) : (
        <>
          {starting ? (
            <p {...part('status')} data-state="sending" role="status">
              {t('appOtp.starting')}
            </p>
          ) : null}
          {codeOpen ? (
            <>
              <p {...part('description')}>{t('appOtp.instructions')}</p>
              <CodeForm
                scope="app-otp"
                label={t('appOtp.codeLabel')}
                length={length}
                error={error}
                attemptsLeft={snapshot.attemptsLeft}
                submitting={state === 'verifying'}
                onSubmit={(code) => send({ type: 'CODE.SUBMIT', code })}
                focusOnMount
              />
              <CountdownText
                scope="app-otp"
                part="expiry-timer"
                deadline={sent.expiresAt}
                clock={clock}
                running="appOtp.expiresIn"
                done="appOtp.expired"
              />
            </>
          ) : null}
          <ErrorPanel scope="app-otp" error={isFieldError(error) ? undefined : error} />
          {state === 'idle' || (ended && snapshot.lockScope !== 'user') ? (
            <div {...part('actions')}>
              <button
                type="button"
                {...part('send-button')}
                data-variant="primary"
                onClick={() => send({ type: 'CODE.SEND' })}
              >
                {state === 'idle' ? t('appOtp.start') : t('appOtp.restart')}
              </button>
            </div>
          ) : null}
        </>
      )}
    </section>
  )
}

export interface AppOtpProps extends UseAppOtpOptions, Omit<AppOtpViewProps, 'snapshot' | 'send'> {
  /** Open the window on mount, so the user can type at once. @default true */
  autoStart?: boolean
}

/**
 * The CENTAGATE app's code for a login or step-up flow the app started (its own machine on the
 * provider's client, or the `machine` passed in). Offered by `StepUp` when the user has the app, a
 * soft token or an authenticator; not for a step-up with a transaction (CENTAGATE signs
 * transactions with the other methods).
 */
export function AppOtp({ onAuthenticated, machine, autoStart = true, ...props }: AppOtpProps) {
  const { snapshot, send } = useAppOtp({
    ...(onAuthenticated ? { onAuthenticated } : {}),
    ...(machine ? { machine } : {}),
  })
  useEffect(() => {
    if (autoStart && snapshot.state === 'idle') send({ type: 'CODE.SEND' })
    // Once on mount: later windows are the user's choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return <AppOtpView snapshot={snapshot} send={send} {...props} />
}
