import { useEffect, useId, useState } from 'react'
import type { FactorSetupKind, FactorSetupMachine } from '@centagate-kit/client'
import { useFactorSetup } from '../hooks/use-factor-setup'
import { useI18n } from '../i18n/use-i18n'
import { useKitClient } from '../provider/kit-client-context'
import { CodeForm } from '../parts/code-form'
import { CountdownText } from '../parts/countdown-text'
import { ErrorPanel } from '../parts/error-panel'
import { QrCode } from '../parts/qr-code'
import { StepHeading } from '../parts/step-heading'
import { StepUp } from '../step-up/step-up'
import { authenticatorEnrollmentPart as part } from './authenticator-enrollment-anatomy'
import { groupKey } from './key-groups'

const scope = 'authenticator-enrollment'

export interface AuthenticatorEnrollmentProps {
  /**
   * `authenticator`: an authenticator app scans an otpauth QR (or the key is typed) and its first
   * code confirms it. `app`: the CENTAGATE app scans an activation QR and the user types the
   * passcode sent by SMS into the app. @default 'authenticator'
   */
  kind?: FactorSetupKind
  /** Called once the factor is set up (the authenticator's serial as `label`). */
  onEnrolled?: (result: { kind: FactorSetupKind; label?: string }) => void
  /** Called when the user gives up (Cancel). */
  onCancel?: () => void
  /** Ask for the key or QR on mount instead of waiting for the start button. @default false */
  autoStart?: boolean
  /** Focus the heading on mount. @default false */
  focusOnMount?: boolean
  /** Drive an existing machine (`createFactorSetupMachine`); the app disposes it. */
  machine?: FactorSetupMachine
}

/**
 * Sets up an authenticator app (QR of an `otpauth://` URI, the key grouped for typing with a copy
 * button, then the first code) or activates the CENTAGATE app (QR, then the passcode the user got
 * by SMS goes into the app; the widget polls until CENTAGATE says it is activated). One widget for
 * both: the same steps (a fresh step-up if the server asks, a QR with a deadline, a confirmation)
 * on one client machine. The key is shown only until the first code verifies.
 */
export function AuthenticatorEnrollment({
  kind = 'authenticator',
  onEnrolled,
  onCancel,
  autoStart = false,
  focusOnMount = false,
  machine,
}: AuthenticatorEnrollmentProps) {
  const { t } = useI18n()
  const client = useKitClient()
  const titleId = useId()
  const { snapshot, send } = useFactorSetup({
    kind,
    ...(onEnrolled ? { onEnrolled } : {}),
    ...(machine ? { machine } : {}),
  })
  const { state, provisioning, error } = snapshot
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (autoStart && snapshot.state === 'idle') send({ type: 'START' })
    // Only on mount: a later idle (after Cancel) waits for the user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const app = snapshot.kind === 'app'
  const m = (authenticator: Parameters<typeof t>[0], forApp: Parameters<typeof t>[0]) =>
    t(app ? forApp : authenticator)
  const cancel = () => {
    send({ type: 'CANCEL' })
    onCancel?.()
  }
  const copy = async () => {
    if (provisioning?.key === undefined) return
    try {
      await navigator.clipboard.writeText(provisioning.key)
      setCopied(true)
    } catch {
      // No clipboard (permissions, insecure context): the key stays selectable.
    }
  }
  const showing = provisioning !== undefined

  return (
    <section
      {...part('root')}
      data-state={state}
      data-kind={snapshot.kind}
      aria-labelledby={titleId}
    >
      <StepHeading scope={scope} id={titleId} focusOnMount={focusOnMount}>
        {m('authenticator.title', 'app.title')}
      </StepHeading>
      {state === 'enrolled' ? (
        <p {...part('status')} data-state="approved" role="status">
          {app ? t('app.done') : t('authenticator.done', { label: snapshot.label ?? '' })}
        </p>
      ) : state === 'expired' ? (
        <>
          <p {...part('status')} data-state="expired" role="status">
            {m('authenticator.expired', 'app.expired')}
          </p>
          <ErrorPanel scope={scope} error={error} />
          <div {...part('actions')}>
            <button
              type="button"
              {...part('restart')}
              data-variant="primary"
              onClick={() => send({ type: 'START' })}
            >
              {t('authenticator.restart')}
            </button>
          </div>
        </>
      ) : showing ? (
        <>
          <p {...part('description')}>{m('authenticator.scan', 'app.scan')}</p>
          <QrCode
            value={provisioning.qrValue}
            label={m('authenticator.imageLabel', 'app.imageLabel')}
            part={part}
          />
          <CountdownText
            scope={scope}
            part="expiry-timer"
            deadline={provisioning.expiresAt}
            clock={client.clock}
            running={app ? 'app.expiresIn' : 'authenticator.expiresIn'}
          />
          {provisioning.key !== undefined ? (
            <div {...part('key-panel')}>
              <p {...part('key-title')}>{t('authenticator.keyTitle')}</p>
              <p>
                <bdi {...part('key')} dir="ltr" translate="no">
                  {groupKey(provisioning.key)}
                </bdi>
              </p>
              <button type="button" {...part('copy')} data-variant="secondary" onClick={copy}>
                {copied ? t('authenticator.copied') : t('authenticator.copyKey')}
              </button>
            </div>
          ) : null}
          {app ? (
            <>
              <p {...part('status')} data-state="waiting" role="status">
                {t('app.waiting')}
              </p>
              <ErrorPanel scope={scope} error={error} focusOnError={false} />
              <div {...part('actions')}>
                <button
                  type="button"
                  {...part('check')}
                  data-variant="primary"
                  disabled={state === 'checking'}
                  aria-busy={state === 'checking' || undefined}
                  onClick={() => send({ type: 'CHECK' })}
                >
                  {t('app.check')}
                </button>
                <button type="button" {...part('cancel')} data-variant="link" onClick={cancel}>
                  {t('common.cancel')}
                </button>
              </div>
            </>
          ) : (
            <>
              <CodeForm
                scope={scope}
                label={t('authenticator.codeLabel')}
                error={error}
                submitting={state === 'verifying'}
                onSubmit={(code) => send({ type: 'VERIFY', code })}
              />
              {error?.code === 'otp_invalid' || error?.code === 'invalid_input' ? null : (
                <ErrorPanel scope={scope} error={error} />
              )}
              <button type="button" {...part('cancel')} data-variant="link" onClick={cancel}>
                {t('common.cancel')}
              </button>
            </>
          )}
        </>
      ) : state === 'locked' ? (
        <ErrorPanel scope={scope} error={error} />
      ) : (
        <>
          <p {...part('description')}>{m('authenticator.intro', 'app.intro')}</p>
          <ErrorPanel scope={scope} error={state === 'error' ? error : undefined} />
          <div {...part('actions')}>
            <button
              type="button"
              {...part('start')}
              data-variant="primary"
              disabled={state !== 'idle' && state !== 'error'}
              aria-busy={state === 'starting' || undefined}
              onClick={() => send({ type: state === 'error' ? 'RETRY' : 'START' })}
            >
              {state === 'starting'
                ? t('authenticator.starting')
                : m('authenticator.start', 'app.start')}
            </button>
          </div>
        </>
      )}
      {state === 'awaiting-step-up' ? (
        <StepUp
          onAuthenticated={() => send({ type: 'STEPPED_UP' })}
          onCancel={() => send({ type: 'CANCEL' })}
        />
      ) : null}
    </section>
  )
}
