import { type StepUpMachine, createStepUpMachine } from '@centagate-kit/client'
import { StepUp, useKitClient } from '@centagate-kit/react/step-up'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { PageHeading } from '../components/PageHeading'
import { usePreferences } from '../lib/preferences'

/**
 * Login: the bank's form collects username and password; the kit's step-up machine (login mode)
 * checks them with CENTAGATE, and `StepUp` asks for the second factor the user picks. The page
 * drives the machine itself only to send a wrong password back to the form. On success the kit
 * server's `onAuthenticated` hook has already set the bank's session cookie: refresh the session.
 */
export function LoginPage() {
  const { t } = usePreferences()
  const client = useKitClient()
  const queryClient = useQueryClient()
  const [machine, setMachine] = useState<StepUpMachine | null>(null)
  const [rejected, setRejected] = useState(false)
  const usernameId = useId()
  const passwordId = useId()
  const errorRef = useRef<HTMLParagraphElement>(null)

  // The machine lives as long as this page shows it (stops polls and requests when it goes).
  useEffect(() => {
    if (!machine) return
    return machine.subscribe(() => {
      const { state, error } = machine.getSnapshot()
      if (state === 'error' && error?.code === 'invalid_credentials') {
        setRejected(true)
        setMachine(null)
      }
    })
  }, [machine])
  // Disposed one task later, so React StrictMode's unmount-remount keeps it alive.
  const disposeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => {
    if (!machine) return
    clearTimeout(disposeTimer.current)
    return () => {
      disposeTimer.current = setTimeout(() => machine.dispose(), 0)
    }
  }, [machine])
  useEffect(() => {
    if (rejected) errorRef.current?.focus()
  }, [rejected])

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const next = createStepUpMachine({
      client,
      onAuthenticated: () => void queryClient.invalidateQueries({ queryKey: ['session'] }),
    })
    next.send({
      type: 'START.LOGIN',
      username: String(form.get('username') ?? '').trim(),
      password: String(form.get('password') ?? ''),
    })
    setRejected(false)
    setMachine(next)
  }

  if (machine) {
    return (
      <>
        <PageHeading>{t('login.title')}</PageHeading>
        <StepUp machine={machine} />
        <p className="demo-below-card">
          <button type="button" className="demo-link-button" onClick={() => setMachine(null)}>
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
        {rejected && (
          <p ref={errorRef} tabIndex={-1} role="alert" className="demo-error" id="login-error">
            {t('login.rejected')}
          </p>
        )}
        <div className="demo-field">
          <label htmlFor={usernameId}>{t('login.username')}</label>
          <input
            id={usernameId}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            {...(rejected ? { 'aria-describedby': 'login-error', 'aria-invalid': true } : {})}
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
            {...(rejected ? { 'aria-invalid': true } : {})}
          />
        </div>
        <button type="submit">{t('login.submit')}</button>
      </form>
    </>
  )
}
