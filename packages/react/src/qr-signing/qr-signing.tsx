import { useId, useState } from 'react'
import { useQrSigning, type UseQrSigningOptions } from '../hooks/use-qr-signing'
import { useServerClock } from '../hooks/use-server-clock'
import { useI18n } from '../i18n/use-i18n'
import { dataFlag } from '../internal/data-attributes'
import { CodeForm, isFieldError } from '../parts/code-form'
import { CountdownText } from '../parts/countdown-text'
import { ErrorPanel } from '../parts/error-panel'
import { StepHeading } from '../parts/step-heading'
import { QrSigningCode } from './qr-signing-code'
import type { QrSigningController } from './qr-signing-controller'
import { QrSigningDetails } from './qr-signing-details'
import { QrSigningManualCode } from './qr-signing-manual-code'
import { QrSigningStatusText } from './qr-signing-status'

export interface QrSigningViewProps {
  controller: QrSigningController
  /** Offer typing the OTP the app shows, as a fallback to the automatic approval. @default true */
  otpFallback?: boolean
  /** Digits of the app's OTP (the CENTAGATE app's QR signing suite, OCRA HOTP-SHA256-8). @default 8 */
  otpLength?: number
  /** Focus the heading when the step opens. @default false */
  focusOnMount?: boolean
  /** QR size in CSS px. @default 192 */
  qrSize?: number
}

/**
 * QR signing: the transaction panel (exactly the server's fields), the QR for the CENTAGATE app,
 * the manual code, and the waiting / approved / rejected / expired states.
 */
export function QrSigningView({
  controller,
  otpFallback = true,
  otpLength = 8,
  focusOnMount = false,
  qrSize = 192,
}: QrSigningViewProps) {
  const { t } = useI18n()
  const clock = useServerClock()
  const titleId = useId()
  const [typing, setTyping] = useState(false)
  const { status, qr, transaction, error } = controller
  const live = qr && (status === 'waiting' || status === 'verifying')
  const ended = status === 'rejected' || status === 'expired' || status === 'error'
  return (
    <section
      data-scope="qr-signing"
      data-part="root"
      data-state={status}
      data-busy={dataFlag(status === 'sending' || status === 'verifying')}
      aria-labelledby={titleId}
    >
      <StepHeading scope="qr-signing" id={titleId} focusOnMount={focusOnMount}>
        {t('qr.title')}
      </StepHeading>
      {transaction ? <QrSigningDetails transaction={transaction} /> : null}
      {live ? (
        <>
          <p data-scope="qr-signing" data-part="description">
            {t('qr.instructions')}
          </p>
          <QrSigningCode
            value={qr.qrValue}
            size={qrSize}
            label={
              transaction
                ? t('qr.imageLabel', { summary: transaction.summary })
                : t('qr.imageLabelNoSummary')
            }
          />
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
      <QrSigningStatusText status={status} />
      {live && otpFallback ? (
        typing ? (
          <CodeForm
            scope="qr-signing"
            label={t('qr.otpLabel')}
            length={otpLength}
            error={error}
            attemptsLeft={controller.attemptsLeft}
            submitting={status === 'verifying'}
            onSubmit={controller.verifyOtp}
            focusOnMount
          />
        ) : (
          <button
            type="button"
            data-scope="qr-signing"
            data-part="otp-toggle"
            onClick={() => setTyping(true)}
          >
            {t('qr.otpToggle')}
          </button>
        )
      ) : null}
      <ErrorPanel scope="qr-signing" error={isFieldError(error) ? undefined : error} />
      {status === 'idle' || ended ? (
        <div data-scope="qr-signing" data-part="actions">
          <button
            type="button"
            data-scope="qr-signing"
            data-part="send-button"
            data-variant="primary"
            onClick={() => {
              setTyping(false)
              controller.send()
            }}
          >
            {status === 'idle' ? t('qr.start') : t('qr.new')}
          </button>
        </div>
      ) : null}
    </section>
  )
}

export interface QrSigningProps
  extends UseQrSigningOptions, Omit<QrSigningViewProps, 'controller'> {}

/** QR signing wired to the provider's client (a step-up flow must exist). */
export function QrSigning({ onAuthenticated, transaction, visibility, ...props }: QrSigningProps) {
  const controller = useQrSigning({
    ...(onAuthenticated ? { onAuthenticated } : {}),
    ...(transaction ? { transaction } : {}),
    ...(visibility ? { visibility } : {}),
  })
  return <QrSigningView controller={controller} {...props} />
}
