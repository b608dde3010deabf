import { useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { emulatorClient } from '../lib/emulator-client'
import { usePreferences } from '../lib/preferences'

const stockSerials = ['CR0000001', 'CR0000002', 'CR0000003']

/** A challenge-response hardware token: type the challenge, read the response (OCRA). */
export function HardwareToken({ username }: { username: string }) {
  const { t } = usePreferences()
  // The owner's own tokens first (GET /__emulator/users/:username), then the stock ones.
  const user = useQuery({
    queryKey: ['emulator', 'user', username],
    queryFn: () => emulatorClient.user(username),
  })
  const owned = ((user.data?.tokens ?? []) as { serial: string; kind: string }[])
    .filter((token) => token.kind === 'cr')
    .map((token) => token.serial)
  const serials = [...new Set([...owned, ...stockSerials])]
  const [chosen, setSerial] = useState<string | null>(null)
  const serial = chosen && serials.includes(chosen) ? chosen : (serials[0] ?? '')
  const [challenge, setChallenge] = useState('')
  const [response, setResponse] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const serialId = useId()
  const challengeId = useId()

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setResponse(null)
    try {
      const result = await emulatorClient.tokenRespond(serial, challenge.replace(/\D/g, ''))
      setResponse(result.otp)
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause))
    }
  }

  return (
    <section className="demo-device" aria-labelledby="token-heading" data-testid="hardware-token">
      <h3 id="token-heading">{t('token.title')}</h3>
      <form onSubmit={(event) => void onSubmit(event)}>
        <div className="demo-field">
          <label htmlFor={serialId}>{t('token.serial')}</label>
          <select id={serialId} value={serial} onChange={(event) => setSerial(event.target.value)}>
            {serials.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <div className="demo-field">
          <label htmlFor={challengeId}>{t('token.challenge')}</label>
          <input
            id={challengeId}
            value={challenge}
            onChange={(event) => setChallenge(event.target.value)}
            inputMode="numeric"
            autoComplete="off"
            dir="ltr"
          />
        </div>
        <button type="submit">{t('token.respond')}</button>
      </form>
      {error && (
        <p role="alert" className="demo-error">
          {error}
        </p>
      )}
      {response && (
        <p role="status">
          {t('token.response')}:{' '}
          <strong className="demo-mono demo-token-display" dir="ltr" data-testid="token-response">
            {response}
          </strong>
        </p>
      )}
    </section>
  )
}
