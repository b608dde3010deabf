import { useId, useState } from 'react'
import type { QrEvent, QrSnapshot, TransactionView } from '@centagate-kit/client'
import { useQrSigning, type UseQrSigningOptions } from '../hooks/use-qr-signing'
import { useServerClock } from '../hooks/use-server-clock'
import { useI18n } from '../i18n/use-i18n'
import { dataFlag } from '../internal/data-attributes'
import { CodeForm, isFieldError } from '../parts/code-form'
import { CountdownText } from '../parts/countdown-text'
import { ErrorPanel } from '../parts/error-panel'
import { StepHeading } from '../parts/step-heading'
import { qrSigningPart as part } from './qr-signing-anatomy'
import { QrSigningCode } from './qr-signing-code'
import { QrSigningDetails } from './qr-signing-details'
import { QrSigningManualCode } from './qr-signing-manual-code'
import { QrSigningStatusText } from './qr-signing-status'

export interface QrSigningViewProps {
  /** The QR machine's snapshot: standalone (`useQrSigning`) or `<StepUp>`'s child. */
  snapshot: QrSnapshot
  /** Sends the machine an event (`CODE.SEND` for a new QR, `QR.VERIFY` with the app's OTP). */
  send: (event: QrEvent) => void
  /** The transaction from `stepup/start`, shown before the QR exists. */
  transaction?: TransactionView | undefined
  /** Offer typing the OTP the app shows, as a fallback to the automatic approval. @default true */
  otpFallback?: boolean
  /** Digits of the app's OTP (the CENTAGATE app's QR signing suite, OCRA HOTP-SHA256-8). @default 8 */
  otpLength?: number
  /** Focus the heading when the step opens. @default false */
  focusOnMount?: boolean
  /** QR size in CSS px without the stylesheet (styles.css sizes it with `--ck-qr-size`). @default 256 */
  qrSize?: number
}

/**
 * QR signing, rendered from the QR machine's snapshot: the transaction panel (exactly the
 * server's fields), the QR for the CENTAGATE app, the manual code and the typed OTP fallback while
 * the QR is live, then approved / declined / expired; "Show a new QR code" after an outcome.
 */
export function QrSigningView({
  snapshot,
  send,
  transaction: given,
  otpFallback = true,
  otpLength = 8,
  focusOnMount = false,
  qrSize = 256,
}: QrSigningViewProps) {
  const { t } = useI18n()
  const clock = useServerClock()
  const titleId = useId()
  const [typing, setTyping] = useState(false)
  const { state, sent: qr, error } = snapshot
  const transaction = qr?.transaction ?? given
  const live = qr && (state === 'awaiting-approval' || state === 'verifying')
  return (
    <section
      {...part('root')}
      data-state={state}
      data-busy={dataFlag(state === 'sending' || state === 'verifying')}
      aria-labelledby={titleId}
    >
      <StepHeading scope="qr-signing" id={titleId} focusOnMount={focusOnMount}>
        {t('qr.title')}
      </StepHeading>
      {transaction ? <QrSigningDetails transaction={transaction} /> : null}
      {live ? (
        <>
          <p {...part('description')}>{t('qr.instructions')}</p>
          <QrSigningCode
            value={qr.qrValue}
            size={qrSize}
            label={
              transaction
                ? t('qr.imageLabel', { summary: transaction.summary })
                : t('qr.imageLabelNoSummary')
            }
          />
        </>
      ) : null}
      {/* The wait (or its outcome) right under the QR, then the time left and the fallbacks. */}
      <QrSigningStatusText state={state} />
      {live ? (
        <>
          <CountdownText
            scope="qr-signing"
            part="expiry-timer"
            deadline={qr.expiresAt}
            clock={clock}
            running="qr.expiresIn"
          />
          <QrSigningManualCode code={qr.manualCode} />
        </>
      ) : null}
      {live && otpFallback ? (
        typing ? (
          <CodeForm
            scope="qr-signing"
            label={t('qr.otpLabel')}
            length={otpLength}
            error={error}
            attemptsLeft={snapshot.attemptsLeft}
            submitting={state === 'verifying'}
            onSubmit={(otp) => send({ type: 'QR.VERIFY', otp })}
            focusOnMount
          />
        ) : (
          <button
            type="button"
            {...part('otp-toggle')}
            data-variant="link"
            onClick={() => setTyping(true)}
          >
            {t('qr.otpToggle')}
          </button>
        )
      ) : null}
      <ErrorPanel scope="qr-signing" error={isFieldError(error) ? undefined : error} />
      {live ||
      state === 'sending' ||
      state === 'approved' ||
      snapshot.lockScope === 'user' ? null : (
        <div {...part('actions')}>
          <button
            type="button"
            {...part('send-button')}
            data-variant="primary"
            onClick={() => {
              setTyping(false)
              send({ type: 'CODE.SEND' })
            }}
          >
            {state === 'idle' ? t('qr.start') : t('qr.new')}
          </button>
        </div>
      )}
    </section>
  )
}

export interface QrSigningProps
  extends UseQrSigningOptions, Omit<QrSigningViewProps, 'snapshot' | 'send'> {}

/**
 * QR signing for a step-up flow the app started: its own QR machine on the provider's client, or
 * the `machine` passed in.
 */
export function QrSigning({ onAuthenticated, visibility, machine, ...props }: QrSigningProps) {
  const { snapshot, send } = useQrSigning({
    ...(onAuthenticated ? { onAuthenticated } : {}),
    ...(visibility ? { visibility } : {}),
    ...(machine ? { machine } : {}),
  })
  return <QrSigningView snapshot={snapshot} send={send} {...props} />
}
