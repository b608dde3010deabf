// The README's widgets as an app uses them from the installed packages: a password form, then
// <StepUp login> for the second factor; once signed in, a button whose request the server guards
// with requireStepUp, wrapped in <StepUpBoundary> so the 401 opens a step-up for the transfer.
import { createKitClient } from '@centagate-kit/client'
import { CentagateProvider, StepUp, StepUpBoundary, useStepUpFetch } from '@centagate-kit/react'
import '@centagate-kit/react/styles.css'
import { type FormEvent, useState } from 'react'

const client = createKitClient() // POSTs to /api/centagate/* on this origin

interface Credentials {
  username: string
  password: string
}

export function App() {
  const [credentials, setCredentials] = useState<Credentials | null>(null)
  const [user, setUser] = useState<string | null>(null)
  return (
    <CentagateProvider client={client}>
      <main>
        {user !== null ? (
          <SignedIn username={user} />
        ) : credentials !== null ? (
          <StepUp login={credentials} onAuthenticated={() => setUser(credentials.username)} />
        ) : (
          <LoginForm onSubmit={setCredentials} />
        )}
      </main>
    </CentagateProvider>
  )
}

function LoginForm({ onSubmit }: { onSubmit: (credentials: Credentials) => void }) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    onSubmit({ username: String(form.get('username')), password: String(form.get('password')) })
  }
  return (
    <form onSubmit={submit} aria-label="Sign in">
      <label>
        Username <input name="username" autoComplete="username" required />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit">Sign in</button>
    </form>
  )
}

function SignedIn({ username }: { username: string }) {
  return (
    <section aria-label="Account">
      <p role="status">Signed in as {username}</p>
      <StepUpBoundary>
        <TransferButton />
      </StepUpBoundary>
    </section>
  )
}

function TransferButton() {
  const stepUpFetch = useStepUpFetch()
  const [result, setResult] = useState('')
  const send = async () => {
    const response = await stepUpFetch('/api/transfer/tx-1', { method: 'POST' })
    setResult(response.ok ? 'Transfer sent' : `Transfer refused (${response.status})`)
  }
  return (
    <>
      <button type="button" onClick={() => void send()}>
        Send money
      </button>
      <p>{result}</p>
    </>
  )
}
