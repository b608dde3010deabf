import { useMutation, useQuery } from '@tanstack/react-query'
import { emulatorClient } from '../lib/emulator-client'
import { usePreferences } from '../lib/preferences'

/**
 * The CENTAGATE app's home screen: the code it shows now (time-based, GET
 * /__emulator/authenticators) and the pushes waiting for the user, each with the details the app
 * shows and Approve / Reject (GET /__emulator/app/pushes, POST /__emulator/app/pushes/decision).
 */
export function AppRequests({ username }: { username: string }) {
  const { t } = usePreferences()
  const codes = useQuery({
    queryKey: ['emulator', 'codes', username],
    queryFn: () => emulatorClient.codes(username),
    refetchInterval: 1000,
    retry: false,
  })
  const pushes = useQuery({
    queryKey: ['emulator', 'pushes', username],
    queryFn: () => emulatorClient.pushes(username),
    refetchInterval: 1500,
    retry: false,
  })
  const decide = useMutation({
    mutationFn: ({ requestId, decision }: { requestId: string; decision: 'approve' | 'reject' }) =>
      emulatorClient.decidePush(username, requestId, decision),
    onSettled: () => void pushes.refetch(),
  })
  const app = codes.data?.find((code) => code.kind === 'mobile-app')
  const pending = pushes.data ?? []

  return (
    <section
      className="demo-device"
      aria-labelledby="app-requests-heading"
      data-testid="app-requests"
    >
      <h3 id="app-requests-heading">{t('app.home')}</h3>
      {app && (
        <p>
          {t('app.code')}:{' '}
          <strong className="demo-mono" dir="ltr" data-testid="app-code">
            {app.otp}
          </strong>
        </p>
      )}
      <h4>{t('app.pushes')}</h4>
      {pending.length === 0 ? (
        <p className="demo-muted">{t('app.noPushes')}</p>
      ) : (
        <ul className="demo-sms-list" aria-live="polite">
          {pending.map((push) => (
            <li key={push.requestId} className="demo-app-screen" data-testid="app-push">
              <p className="demo-app-details" dir="auto">
                {push.details}
              </p>
              <div className="demo-button-row">
                <button
                  type="button"
                  disabled={decide.isPending}
                  onClick={() => decide.mutate({ requestId: push.requestId, decision: 'approve' })}
                >
                  {t('app.approve')}
                </button>
                <button
                  type="button"
                  className="demo-button-danger"
                  disabled={decide.isPending}
                  onClick={() => decide.mutate({ requestId: push.requestId, decision: 'reject' })}
                >
                  {t('app.reject')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {decide.isSuccess && (
        <p role="status">
          {t(decide.variables.decision === 'approve' ? 'app.approved' : 'app.rejected')}
        </p>
      )}
    </section>
  )
}
