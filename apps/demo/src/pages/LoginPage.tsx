import { StepUp } from '@centagate-kit/react/step-up'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { PageHeading } from '../components/PageHeading'
import { usePreferences } from '../lib/preferences'

/**
 * Login: the bank's form collects username and password; the kit's `StepUp` (in login mode) checks
 * them with CENTAGATE and asks for the second factor the user picks. On success the kit server's
 * `onAuthenticated` hook has already set the bank's session cookie: we just refresh the session.
 */
export function LoginPage() {
  const { t } = usePreferences()
  const queryClient = useQueryClient()
  const [credentials, setCredentials] = useState<{ username: string; password: string } | null>(
    null,
  )
  const [attempt, setAttempt] = useState(0)
  const usernameId = useId()
  const passwordId = useId()

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setCredentials({
      username: String(form.get('username') ?? '').trim(),
      password: String(form.get('password') ?? ''),
    })
    setAttempt((value) => value + 1)
  }

  if (credentials) {
    return (
      <>
        <PageHeading>{t('login.title')}</PageHeading>
        <StepUp
          key={attempt}
          login={credentials}
          onAuthenticated={() => void queryClient.invalidateQueries({ queryKey: ['session'] })}
        />
        <p>
          <button
            type="button"
            className="demo-button-secondary"
            onClick={() => setCredentials(null)}
          >
            {t('login.back')}
          </button>
        </p>
      </>
    )
  }

  return (
    <>
      <PageHeading>{t('login.title')}</PageHeading>
      <p className="demo-muted">{t('login.intro')}</p>
      <form className="demo-form" onSubmit={onSubmit} aria-labelledby="login-form-title">
        <h2 id="login-form-title" className="demo-visually-hidden">
          {t('login.title')}
        </h2>
        <div className="demo-field">
          <label htmlFor={usernameId}>{t('login.username')}</label>
          <input
            id={usernameId}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
        </div>
        <div className="demo-field">
          <label htmlFor={passwordId}>{t('login.password')}</label>
          <input
            id={passwordId}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
        <button type="submit">{t('login.submit')}</button>
      </form>
    </>
  )
}
