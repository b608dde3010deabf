import { type StepUpChallenge, createStepUpFetch } from '@centagate-kit/client'
import { StepUp } from '@centagate-kit/react/step-up'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { isDisplayText } from '@centagate-kit/protocol'
import { type ChangeEvent, type FormEvent, type KeyboardEvent, useId, useState } from 'react'
import { PageHeading } from '../components/PageHeading'
import { BankApiError, type TransferView, bankClient } from '../lib/bank-client'
import { usePreferences } from '../lib/preferences'

type Outcome =
  | { kind: 'done'; transfer: TransferView }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: string }

interface PendingStepUp {
  challenge: StepUpChallenge
  resolve: (steppedUp: boolean) => void
}

/**
 * A transfer: the bank API records it (→ id), then executing it goes through the kit's step-up
 * fetch (`createStepUpFetch`). The server answers 401 step_up_required; the kit's `StepUp` opens
 * for exactly that transfer (QR, SMS or token) and, once approved, the execute call is retried
 * with the fresh receipt.
 *
 * The step-up panel is inline, not the kit's modal `StepUpBoundary`: a modal dialog makes the
 * rest of the page inert, and the demo's device drawer (the "phone") must stay usable.
 */
export function TransferPage() {
  const { t } = usePreferences()
  const queryClient = useQueryClient()
  const [pending, setPending] = useState<PendingStepUp | null>(null)
  const [stepUpFetch] = useState(() =>
    createStepUpFetch({
      requestStepUp: (challenge) =>
        new Promise<boolean>((resolve) => setPending({ challenge, resolve })),
    }),
  )
  const finishStepUp = (steppedUp: boolean) => {
    pending?.resolve(steppedUp)
    setPending(null)
  }
  const onStepUpKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') finishStepUp(false)
  }
  const accounts = useQuery({ queryKey: ['accounts'], queryFn: bankClient.accounts })
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const ids = {
    from: useId(),
    payeeName: useId(),
    payeeAccount: useId(),
    amount: useId(),
    reference: useId(),
    note: useId(),
  }

  // Payee and reference become what the user signs: refuse line breaks, bidi overrides and
  // invisible characters as they are typed or pasted (the bank API refuses them too).
  const refuseHiddenCharacters = (event: ChangeEvent<HTMLInputElement>) =>
    event.currentTarget.setCustomValidity(
      isDisplayText(event.currentTarget.value) ? '' : t('transfer.textInvalid'),
    )

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const field = (name: string) => String(form.get(name) ?? '')
    setBusy(true)
    setOutcome(null)
    try {
      const { transfer } = await bankClient.createTransfer({
        fromAccountId: field('fromAccountId'),
        payeeName: field('payeeName'),
        payeeAccount: field('payeeAccount'),
        amount: field('amount'),
        reference: field('reference'),
      })
      const done = await bankClient.executeTransfer(transfer.id, stepUpFetch)
      setOutcome({ kind: 'done', transfer: done.transfer })
    } catch (error) {
      // The user closed the step-up: the 401 comes back as is.
      if (error instanceof BankApiError && error.code === 'step_up_required') {
        setOutcome({ kind: 'cancelled' })
      } else {
        setOutcome({ kind: 'failed', code: error instanceof BankApiError ? error.code : 'network' })
      }
    } finally {
      setBusy(false)
      void queryClient.invalidateQueries({ queryKey: ['accounts'] })
    }
  }

  return (
    <>
      <PageHeading>{t('transfer.title')}</PageHeading>
      <form
        className="demo-form"
        onSubmit={(event) => void onSubmit(event)}
        aria-describedby={ids.note}
        aria-labelledby="transfer-form-title"
      >
        <h2 id="transfer-form-title" className="demo-visually-hidden">
          {t('transfer.title')}
        </h2>
        <div className="demo-field">
          <label htmlFor={ids.from}>{t('transfer.from')}</label>
          <select id={ids.from} name="fromAccountId" required>
            {(accounts.data?.accounts ?? []).map((account) => (
              <option key={account.id} value={account.id}>
                {account.name} {account.number} · {account.balance}
              </option>
            ))}
          </select>
        </div>
        <div className="demo-field">
          <label htmlFor={ids.payeeName}>{t('transfer.payeeName')}</label>
          <input
            id={ids.payeeName}
            name="payeeName"
            required
            maxLength={64}
            autoComplete="off"
            onChange={refuseHiddenCharacters}
          />
        </div>
        <div className="demo-field">
          <label htmlFor={ids.payeeAccount}>{t('transfer.payeeAccount')}</label>
          <input
            id={ids.payeeAccount}
            name="payeeAccount"
            required
            inputMode="numeric"
            pattern="[0-9 \-]{6,24}"
            autoComplete="off"
            dir="ltr"
          />
        </div>
        <div className="demo-field">
          <label htmlFor={ids.amount}>{t('transfer.amount')}</label>
          <input
            id={ids.amount}
            name="amount"
            required
            inputMode="decimal"
            pattern="[0-9]{1,7}(\.[0-9]{1,2})?"
            autoComplete="off"
            dir="ltr"
          />
        </div>
        <div className="demo-field">
          <label htmlFor={ids.reference}>{t('transfer.reference')}</label>
          <input
            id={ids.reference}
            name="reference"
            maxLength={64}
            autoComplete="off"
            onChange={refuseHiddenCharacters}
          />
        </div>
        <p id={ids.note} className="demo-muted">
          {t('transfer.stepUpNote')}
        </p>
        <button type="submit" disabled={busy || pending !== null || !accounts.data}>
          {busy ? t('transfer.submitting') : t('transfer.submit')}
        </button>
      </form>
      {pending && (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape cancels, as in a dialog
        <section
          className="demo-stepup"
          aria-labelledby="stepup-heading"
          onKeyDown={onStepUpKeyDown}
        >
          {/* Names the region; the kit's card shows its own title ("Confirm it is you"). */}
          <h2 id="stepup-heading" className="demo-visually-hidden">
            {t('transfer.confirmTitle')}
          </h2>
          <StepUp
            {...(pending.challenge.transactionId
              ? { transactionId: pending.challenge.transactionId }
              : {})}
            onAuthenticated={() => finishStepUp(true)}
            onCancel={() => finishStepUp(false)}
          />
        </section>
      )}
      <div role="status" data-testid="transfer-result" className="demo-section">
        {outcome?.kind === 'done' && (
          <p className="demo-success">
            {t('transfer.done', {
              id: outcome.transfer.id,
              amount: outcome.transfer.amount,
              payee: outcome.transfer.payeeName,
            })}
          </p>
        )}
        {outcome?.kind === 'cancelled' && <p>{t('transfer.cancelled')}</p>}
        {outcome?.kind === 'failed' && (
          <p className="demo-error">{t('transfer.failed', { code: outcome.code })}</p>
        )}
      </div>
    </>
  )
}
