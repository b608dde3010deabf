import { useEffect, useState } from 'react'
import { emulatorClient } from '../lib/emulator-client'
import { useOnScreen } from '../lib/on-screen'
import { usePreferences } from '../lib/preferences'

/** The account an otpauth URI names (`Demo Bank:alice`), or null for any other QR value. */
function accountOf(qrValue: string | undefined): string | null {
  if (!qrValue?.startsWith('otpauth://totp/')) return null
  try {
    return decodeURIComponent(new URL(qrValue).pathname.slice(1))
  } catch {
    return null
  }
}

/**
 * An authenticator app (Google Authenticator and the like) on the user's phone: it "scans" the
 * settings page's otpauth QR, then shows the current code of that offline OTP token (the
 * emulator computes it: GET /__emulator/authenticators), refreshed every few seconds.
 */
export function AuthenticatorCodes({ username }: { username: string }) {
  const { t } = usePreferences()
  const screen = useOnScreen()
  const [account, setAccount] = useState<string | null>(null)
  const [code, setCode] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const onScreenAccount = accountOf(screen.qrValue)

  useEffect(() => {
    if (account === null) return
    let current = true
    const read = async () => {
      try {
        const codes = await emulatorClient.authenticators(username)
        const token = codes.find((generator) => generator.kind === 'offline-token')
        if (current) setCode(token?.otp ?? null)
      } catch (cause) {
        if (current) setError(cause instanceof Error ? cause.message : String(cause))
      }
    }
    void read()
    const timer = setInterval(() => void read(), 3000)
    return () => {
      current = false
      clearInterval(timer)
    }
  }, [account, username])

  return (
    <section
      className="demo-device"
      aria-labelledby="authenticator-heading"
      data-testid="authenticator-codes"
    >
      <h3 id="authenticator-heading">{t('authenticator.title')}</h3>
      <button
        type="button"
        disabled={onScreenAccount === null}
        onClick={() => {
          setError(null)
          setAccount(onScreenAccount)
        }}
      >
        {t('authenticator.scan')}
      </button>
      {onScreenAccount === null && <p className="demo-muted">{t('authenticator.noQr')}</p>}
      {account === null ? (
        <p className="demo-muted">{t('authenticator.none')}</p>
      ) : (
        <div className="demo-app-screen">
          <p>{t('authenticator.added', { account })}</p>
          <p>
            {t('authenticator.code')}:{' '}
            <strong className="demo-mono" dir="ltr" data-testid="authenticator-code">
              {code ?? '—'}
            </strong>
          </p>
        </div>
      )}
      {error && (
        <p role="alert" className="demo-error">
          {error}
        </p>
      )}
    </section>
  )
}
