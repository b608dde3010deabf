import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { createStepUpFetch, type StepUpChallenge } from '@centagate-kit/client'
import { StepUpDialog } from './step-up-dialog'

const StepUpFetchContext = createContext<typeof fetch | null>(null)

export interface StepUpBoundaryProps {
  /** The fetch to wrap for the app's own API calls. @default globalThis.fetch */
  fetch?: typeof fetch
  children?: ReactNode
}

interface PendingStepUp {
  challenge: StepUpChallenge
  resolve: (steppedUp: boolean) => void
}

/**
 * Catches the server's `insufficient_user_authentication` 401 on requests made with
 * `useStepUpFetch()`, opens `<StepUp>` (for the demanded transaction) in a dialog, and retries the
 * original request once it succeeded. Concurrent demands share one dialog (the client's
 * `createStepUpFetch` single-flights them).
 */
export function StepUpBoundary({ fetch: baseFetch, children }: StepUpBoundaryProps) {
  const [pending, setPending] = useState<PendingStepUp | null>(null)
  const requestStepUp = useCallback(
    (challenge: StepUpChallenge) =>
      new Promise<boolean>((resolve) => setPending({ challenge, resolve })),
    [],
  )
  const stepUpFetch = useMemo(
    () => createStepUpFetch({ ...(baseFetch ? { fetch: baseFetch } : {}), requestStepUp }),
    [baseFetch, requestStepUp],
  )
  return (
    <StepUpFetchContext value={stepUpFetch}>
      {children}
      {pending ? (
        <StepUpDialog
          {...(pending.challenge.transactionId
            ? { transactionId: pending.challenge.transactionId }
            : {})}
          onClose={(ok) => {
            setPending(null)
            pending.resolve(ok)
          }}
        />
      ) : null}
    </StepUpFetchContext>
  )
}

/**
 * A `fetch` for the app's own API that handles step-up demands (inside `<StepUpBoundary>`):
 * `const res = await stepUpFetch('/api/transfers/42/execute', { method: 'POST' })`.
 */
export function useStepUpFetch(): typeof fetch {
  const value = useContext(StepUpFetchContext)
  if (!value) throw new Error('useStepUpFetch must be used inside <StepUpBoundary>.')
  return value
}
