import { useEffect, useId, useState, type ReactNode } from 'react'
import type {
  AuthenticatedResponse,
  KitMethod,
  StepUpMachine,
  VisibilitySource,
} from '@centagate-kit/client'
import { AppOtpView } from '../app-otp/app-otp'
import { ChallengeResponseView } from '../challenge-response/challenge-response'
import { useStepUp } from '../hooks/use-step-up'
import { useI18n } from '../i18n/use-i18n'
import { dataFlag } from '../internal/data-attributes'
import { useLatest } from '../internal/use-latest'
import { ErrorPanel } from '../parts/error-panel'
import { StepHeading } from '../parts/step-heading'
import { PushApprovalView } from '../push-approval/push-approval'
import { QrSigningView } from '../qr-signing/qr-signing'
import { SmsOtpView } from '../sms-otp/sms-otp'
import { stepUpPart as part } from './step-up-anatomy'
import { StepUpMethodChoice } from './step-up-method-choice'
import { StepUpTransactionSummary } from './step-up-transaction-summary'

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
  /** Digits of SMS codes, token responses and the CENTAGATE app's code. @default 6 */
  codeLength?: number
  /** Digits of the OTP the CENTAGATE app shows for a QR (typed fallback). @default 8 */
  qrOtpLength?: number
}

/**
 * The step-up (or login second factor) flow: method choice from what the user has, then the
 * chosen method's widget on the method machine the step-up machine runs (the same machine and
 * widget as standalone). Switching method cancels pending sends and polls (the machine aborts
 * them). `data-state` is the step-up machine's state; the method widget has its own.
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
  const { t } = useI18n()
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

  const { state, method, methods, child } = snapshot
  const choose = (next: KitMethod) => {
    setSwitching(false)
    send({ type: 'METHOD.CHOOSE', method: next })
  }

  let body: ReactNode = null
  if (state === 'idle') {
    body = autoStart ? null : (
      <button
        type="button"
        {...part('start')}
        data-variant="primary"
        onClick={() => send(startEvent.current)}
      >
        {t('stepup.continue')}
      </button>
    )
  } else if (state === 'starting' || state === 'approved') {
    body = (
      <p {...part('status')} data-state={state} role="status">
        {t(state === 'starting' ? 'stepup.starting' : 'stepup.approved')}
      </p>
    )
  } else if (state === 'locked') {
    body = <ErrorPanel scope="step-up" error={snapshot.error} />
  } else if (state === 'error') {
    // A start that failed, or the flow lost by the server: "Try again" starts over.
    body = (
      <>
        <ErrorPanel scope="step-up" error={snapshot.error} />
        <div {...part('actions')}>
          <button type="button" {...part('retry')} onClick={() => send({ type: 'RETRY' })}>
            {t('common.tryAgain')}
          </button>
        </div>
      </>
    )
  } else if (state === 'choosing' || !child) {
    body = <StepUpMethodChoice methods={methods} onChoose={choose} focusOnMount={focusOnMount} />
  } else {
    // The chosen method's own widget, on the method machine the step-up machine runs.
    body = (
      <>
        {child.method === 'sms' ? (
          <SmsOtpView
            key="sms"
            snapshot={child}
            send={send}
            maskedPhone={methods.find((option) => option.method === 'sms')?.hint}
            length={codeLength}
            focusOnMount={focusOnMount}
          />
        ) : child.method === 'challenge' ? (
          <ChallengeResponseView
            key="challenge"
            snapshot={child}
            send={send}
            responseLength={codeLength}
            focusOnMount={focusOnMount}
          />
        ) : child.method === 'push' ? (
          <PushApprovalView
            key="push"
            snapshot={child}
            send={send}
            transaction={snapshot.transaction}
            focusOnMount={focusOnMount}
          />
        ) : child.method === 'app_otp' ? (
          <AppOtpView
            key="app_otp"
            snapshot={child}
            send={send}
            length={codeLength}
            focusOnMount={focusOnMount}
          />
        ) : (
          <QrSigningView
            key="qr"
            snapshot={child}
            send={send}
            transaction={snapshot.transaction}
            otpLength={qrOtpLength}
            focusOnMount={focusOnMount}
          />
        )}
        {methods.length > 1 ? (
          switching ? (
            <StepUpMethodChoice methods={methods} current={method} onChoose={choose} focusOnMount />
          ) : (
            <div {...part('actions')}>
              <button
                type="button"
                {...part('switch-method')}
                data-variant="link"
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
      {...part('root')}
      data-state={state}
      data-method={method}
      data-busy={dataFlag(state === 'starting')}
      aria-labelledby={titleId}
    >
      <StepHeading
        scope="step-up"
        id={titleId}
        focusOnMount={focusOnMount && (state === 'starting' || state === 'approved')}
      >
        {t('stepup.title')}
      </StepHeading>
      {/* QR signing and push show what is approved themselves. */}
      {snapshot.transaction && method !== 'qr' && method !== 'push' && state !== 'approved' ? (
        <StepUpTransactionSummary summary={snapshot.transaction.summary} />
      ) : null}
      {body}
      {onCancel && state !== 'approved' ? (
        <div {...part('actions')}>
          <button
            type="button"
            {...part('cancel')}
            data-variant="link"
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
