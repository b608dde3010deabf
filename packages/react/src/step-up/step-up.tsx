import { useEffect, useId, useState, type ReactNode } from 'react'
import type {
  AuthenticatedResponse,
  KitMethod,
  StepUpMachine,
  VisibilitySource,
} from '@centagate-kit/client'
import { ChallengeResponseView } from '../challenge-response/challenge-response'
import { useServerClock } from '../hooks/use-server-clock'
import { useStepUp } from '../hooks/use-step-up'
import { formatClockTime } from '../i18n/format-time'
import { useI18n } from '../i18n/use-i18n'
import { dataFlag } from '../internal/data-attributes'
import { useLatest } from '../internal/use-latest'
import { ErrorPanel } from '../parts/error-panel'
import { StepHeading } from '../parts/step-heading'
import { QrSigningView } from '../qr-signing/qr-signing'
import { SmsOtpView } from '../sms-otp/sms-otp'
import { challengeControllerFrom, qrControllerFrom, smsControllerFrom } from './step-up-controllers'
import { StepUpMethodChoice } from './step-up-method-choice'

export interface StepUpProps {
  /** The app transaction to sign (its details come from the server's `getTransaction`). */
  transactionId?: string
  /** Second factor of a login instead of a step-up. */
  login?: { username: string; password?: string }
  /** Start on mount. @default true */
  autoStart?: boolean
  onAuthenticated?: (result: AuthenticatedResponse) => void
  /** Shows a Cancel button; called after the flow was cancelled on the server. */
  onCancel?: () => void
  /** Move focus into the widget when it opens (heading, then each new step). @default true */
  focusOnMount?: boolean
  /** Drive an existing machine (`createStepUpMachine`) instead of an internal one. */
  machine?: StepUpMachine
  visibility?: VisibilitySource
  /** Digits of SMS codes and token responses. @default 6 */
  codeLength?: number
  /** Digits of the OTP the CENTAGATE app shows for a QR (typed fallback). @default 8 */
  qrOtpLength?: number
}

/**
 * The step-up (or login second factor) flow: method choice from what the user has, then the
 * method's step. Switching method cancels pending sends and polls (the machine aborts them).
 * `data-state` is the machine's state.
 */
export function StepUp({
  transactionId,
  login,
  autoStart = true,
  onAuthenticated,
  onCancel,
  focusOnMount = true,
  machine,
  visibility,
  codeLength = 6,
  qrOtpLength = 8,
}: StepUpProps) {
  const i18n = useI18n()
  const { t } = i18n
  const clock = useServerClock()
  const titleId = useId()
  const { snapshot, send } = useStepUp({
    ...(onAuthenticated ? { onAuthenticated } : {}),
    ...(visibility ? { visibility } : {}),
    ...(machine ? { machine } : {}),
  })
  const [switching, setSwitching] = useState(false)
  const startEvent = useLatest(
    login
      ? ({ type: 'START.LOGIN', ...login } as const)
      : ({ type: 'START.STEPUP', ...(transactionId ? { transactionId } : {}) } as const),
  )
  useEffect(() => {
    if (autoStart && snapshot.state === 'idle' && !snapshot.error) send(startEvent.current)
    // Start once on mount; later restarts are explicit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const { state, method, methods } = snapshot
  const choose = (next: KitMethod) => {
    setSwitching(false)
    send({ type: 'METHOD.CHOOSE', method: next })
  }
  const userLocked = state === 'locked' && snapshot.lockScope !== 'challenge'
  const startFailed = state === 'error' && !method

  let body: ReactNode
  if (state === 'idle') {
    body = autoStart ? null : (
      <button
        type="button"
        data-scope="step-up"
        data-part="start"
        data-variant="primary"
        onClick={() => send(startEvent.current)}
      >
        {t('stepup.continue')}
      </button>
    )
  } else if (state === 'starting') {
    body = (
      <p data-scope="step-up" data-part="status" data-state="starting" role="status">
        {t('stepup.starting')}
      </p>
    )
  } else if (state === 'approved') {
    body = (
      <p data-scope="step-up" data-part="status" data-state="approved" role="status">
        {t('stepup.approved')}
      </p>
    )
  } else if (userLocked) {
    body = (
      <div data-scope="step-up" data-part="locked">
        <ErrorPanel scope="step-up" error={snapshot.error} />
        {!snapshot.error ? (
          <p data-scope="step-up" data-part="error">
            {snapshot.lockedUntil !== undefined
              ? t('stepup.locked', {
                  time: formatClockTime(snapshot.lockedUntil, {
                    locale: i18n.locale,
                    offsetMs: clock.offsetMs,
                  }),
                })
              : t('stepup.lockedNoTime')}
          </p>
        ) : null}
      </div>
    )
  } else if (startFailed) {
    body = (
      <>
        <ErrorPanel scope="step-up" error={snapshot.error} />
        <div data-scope="step-up" data-part="actions">
          <button
            type="button"
            data-scope="step-up"
            data-part="retry"
            onClick={() => send({ type: 'RETRY' })}
          >
            {t('common.tryAgain')}
          </button>
        </div>
      </>
    )
  } else if (state === 'choosing' || !method) {
    body = <StepUpMethodChoice methods={methods} onChoose={choose} focusOnMount={focusOnMount} />
  } else {
    body = (
      <>
        {method === 'sms' ? (
          <SmsOtpView
            key="sms"
            controller={smsControllerFrom(snapshot, send)}
            length={codeLength}
            focusOnMount={focusOnMount}
          />
        ) : method === 'challenge' ? (
          <ChallengeResponseView
            key="challenge"
            controller={challengeControllerFrom(snapshot, send)}
            responseLength={codeLength}
            focusOnMount={focusOnMount}
          />
        ) : (
          <QrSigningView
            key="qr"
            controller={qrControllerFrom(snapshot, send)}
            otpLength={qrOtpLength}
            focusOnMount={focusOnMount}
          />
        )}
        {methods.length > 1 ? (
          switching ? (
            <StepUpMethodChoice methods={methods} current={method} onChoose={choose} focusOnMount />
          ) : (
            <div data-scope="step-up" data-part="actions">
              <button
                type="button"
                data-scope="step-up"
                data-part="switch-method"
                onClick={() => setSwitching(true)}
              >
                {t('stepup.switchMethod')}
              </button>
            </div>
          )
        ) : null}
      </>
    )
  }

  return (
    <section
      data-scope="step-up"
      data-part="root"
      data-state={state}
      data-method={method}
      data-busy={dataFlag(state === 'starting' || state === 'sending' || state === 'verifying')}
      aria-labelledby={titleId}
    >
      <StepHeading
        scope="step-up"
        id={titleId}
        focusOnMount={focusOnMount && (state === 'starting' || state === 'approved')}
      >
        {t('stepup.title')}
      </StepHeading>
      {snapshot.transaction && method !== 'qr' && state !== 'approved' ? (
        <p data-scope="step-up" data-part="transaction-summary">
          <bdi>{snapshot.transaction.summary}</bdi>
        </p>
      ) : null}
      {body}
      {onCancel && state !== 'approved' ? (
        <div data-scope="step-up" data-part="actions">
          <button
            type="button"
            data-scope="step-up"
            data-part="cancel"
            onClick={() => {
              send({ type: 'CANCEL' })
              onCancel()
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
    </section>
  )
}
