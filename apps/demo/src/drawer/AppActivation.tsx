import { type FormEvent, useId, useState } from 'react'
import { emulatorClient } from '../lib/emulator-client'
import { useOnScreen } from '../lib/on-screen'
import { usePreferences } from '../lib/preferences'

/**
 * Activating the CENTAGATE app on the user's phone: the app scans the activation QR on the
 * settings page, then the user types the passcode from the text message (the phone inbox above)
 * into the app (POST /__emulator/app/activate). The page never shows the passcode.
 */
export function AppActivation() {
  const { t } = usePreferences()
  const screen = useOnScreen()
  const passcodeId = useId()
  const [qr, setQr] = useState<string | null>(null)
  const [passcode, setPasscode] = useState('')
  const [done, setDone] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const onScreenQr = screen.qrValue?.startsWith('CGACT1:') ? screen.qrValue : null

  const activate = async (event: FormEvent) => {
    event.preventDefault()
    if (qr === null) return
    setError(null)
    try {
      await emulatorClient.activate(qr, passcode.trim())
      setDone(true)
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    }
  }

  return (
    <section
      className="demo-device"
      aria-labelledby="activation-heading"
      data-testid="app-activation"
    >
      <h3 id="activation-heading">{t('activation.title')}</h3>
      <button
        type="button"
        disabled={onScreenQr === null}
        onClick={() => {
          setQr(onScreenQr)
          setDone(false)
        }}
      >
        {t('activation.scan')}
      </button>
      {onScreenQr === null && qr === null && <p className="demo-muted">{t('activation.noQr')}</p>}
      {qr !== null && !done && (
        <form onSubmit={activate} className="demo-inline-form">
          <div className="demo-field">
            <label htmlFor={passcodeId}>{t('activation.passcode')}</label>
            <input
              id={passcodeId}
              value={passcode}
              onChange={(event) => setPasscode(event.target.value)}
              inputMode="numeric"
              autoComplete="off"
              dir="ltr"
            />
          </div>
          <button type="submit">{t('activation.submit')}</button>
        </form>
      )}
      {done && <p role="status">{t('activation.done')}</p>}
      {error && (
        <p role="alert" className="demo-error">
          {error}
        </p>
      )}
    </section>
  )
}
