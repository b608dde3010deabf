import { useQuery } from '@tanstack/react-query'
import { emulatorClient } from '../lib/emulator-client'
import { usePreferences } from '../lib/preferences'

/** The phone's text messages (GET /__emulator/outbox?username=), newest first. */
export function PhoneInbox({ username }: { username: string }) {
  const { t } = usePreferences()
  const outbox = useQuery({
    queryKey: ['emulator', 'outbox', username],
    queryFn: () => emulatorClient.outbox(username),
    refetchInterval: 2000,
  })
  const messages = [...(outbox.data ?? [])].reverse()

  return (
    <section className="demo-device" aria-labelledby="phone-heading" data-testid="phone">
      <h3 id="phone-heading">{t('phone.title')}</h3>
      {outbox.isError && <p className="demo-error">{String(outbox.error.message)}</p>}
      {messages.length === 0 ? (
        <p className="demo-muted">{t('phone.empty')}</p>
      ) : (
        <ol className="demo-sms-list" aria-live="polite">
          {messages.slice(0, 5).map((message, index) => (
            <li key={`${messages.length - index}`} className="demo-sms">
              <p dir="auto">{message.text}</p>
              {message.code && (
                <p>
                  {t('phone.code')}:{' '}
                  <strong className="demo-mono" dir="ltr">
                    {message.code}
                  </strong>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="demo-button-secondary" onClick={() => void outbox.refetch()}>
        {t('phone.refresh')}
      </button>
    </section>
  )
}
