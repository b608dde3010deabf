import { type FormEvent, useId, useState } from 'react'
import { type AppScanResult, emulatorClient } from '../lib/emulator-client'
import { useOnScreen } from '../lib/on-screen'
import { usePreferences } from '../lib/preferences'

/**
 * The CENTAGATE mobile app: "scans" the QR on screen (POST /__emulator/app/scan), shows the
 * details it decoded and the one-time code, and approves or rejects (POST /__emulator/app/decision).
 */
export function AuthenticatorApp({ username }: { username: string }) {
  const { t } = usePreferences()
  const screen = useOnScreen()
  const [pasted, setPasted] = useState('')
  const [scan, setScan] = useState<AppScanResult | null>(null)
  const [outcome, setOutcome] = useState<'approved' | 'rejected' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const pasteId = useId()

  const read = async (input: { qrCode: string } | { manualCode: string; username: string }) => {
    setError(null)
    setOutcome(null)
    try {
      setScan(await emulatorClient.scan(input))
    } catch (cause) {
      setScan(null)
      setError(cause instanceof Error ? cause.message : String(cause))
    }
  }

  const onPaste = (event: FormEvent) => {
    event.preventDefault()
    const value = pasted.trim()
    if (!value) return
    void read(
      /^[0-9 ]+$/.test(value)
        ? { manualCode: value.replace(/ /g, ''), username }
        : { qrCode: value },
    )
  }

  const decide = async (decision: 'approve' | 'reject') => {
    setError(null)
    try {
      await emulatorClient.decide(username, decision)
      setOutcome(decision === 'approve' ? 'approved' : 'rejected')
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    }
  }

  return (
    <section className="demo-device" aria-labelledby="app-heading" data-testid="authenticator-app">
      <h3 id="app-heading">{t('app.title')}</h3>
      <button
        type="button"
        disabled={!screen.qrValue}
        onClick={() => screen.qrValue && void read({ qrCode: screen.qrValue })}
      >
        {t('app.scan')}
      </button>
      {!screen.qrValue && <p className="demo-muted">{t('app.noQr')}</p>}
      <form onSubmit={onPaste} className="demo-inline-form">
        <div className="demo-field">
          <label htmlFor={pasteId}>{t('app.pasteLabel')}</label>
          <input
            id={pasteId}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
          />
        </div>
        <button type="submit" className="demo-button-secondary">
          {t('app.pasteSubmit')}
        </button>
      </form>
      {error && (
        <p role="alert" className="demo-error">
          {error}
        </p>
      )}
      {scan && (
        <div className="demo-app-screen" data-testid="app-scan">
          <h4>{t('app.details')}</h4>
          <p className="demo-app-details" dir="auto">
            {scan.details}
          </p>
          <p>
            {t('app.otp')}:{' '}
            <strong className="demo-mono" dir="ltr" data-testid="app-otp">
              {scan.otp}
            </strong>
          </p>
          <div className="demo-button-row">
            <button type="button" onClick={() => void decide('approve')}>
              {t('app.approve')}
            </button>
            <button
              type="button"
              className="demo-button-danger"
              onClick={() => void decide('reject')}
            >
              {t('app.reject')}
            </button>
          </div>
          {outcome && (
            <p role="status">{t(outcome === 'approved' ? 'app.approved' : 'app.rejected')}</p>
          )}
        </div>
      )}
    </section>
  )
}
