import { useQuery } from '@tanstack/react-query'
import { bankClient } from '../lib/bank-client'
import { usePreferences } from '../lib/preferences'
import { PageHeading } from '../components/PageHeading'

/** Balances and the last transfers: plain app data, no kit involved. */
export function AccountsPage() {
  const { t } = usePreferences()
  const accounts = useQuery({ queryKey: ['accounts'], queryFn: bankClient.accounts })

  return (
    <>
      <PageHeading>{t('accounts.title')}</PageHeading>
      {accounts.isPending && <p role="status">{t('accounts.loading')}</p>}
      {accounts.isError && (
        <p role="alert" className="demo-error">
          {t('error.generic', { code: String(accounts.error.message) })}
        </p>
      )}
      {accounts.data && (
        <>
          <ul className="demo-accounts" aria-label={t('accounts.title')}>
            {accounts.data.accounts.map((account) => (
              <li key={account.id} className="demo-card">
                <h2 className="demo-card-title">{account.name}</h2>
                <p className="demo-muted">
                  <bdi dir="ltr">{account.number}</bdi>
                </p>
                <p className="demo-balance">
                  <span className="demo-muted">{t('accounts.balance')}</span>{' '}
                  <strong data-testid={`balance-${account.id}`}>
                    <bdi dir="ltr">{account.balance}</bdi>
                  </strong>
                </p>
              </li>
            ))}
          </ul>
          <section aria-labelledby="recent-heading" className="demo-section">
            <h2 id="recent-heading">{t('accounts.recent')}</h2>
            {accounts.data.transfers.length === 0 ? (
              <p>{t('accounts.none')}</p>
            ) : (
              <ul className="demo-transfers">
                {accounts.data.transfers.map((transfer) => (
                  <li key={transfer.id}>
                    <span className="demo-mono" dir="ltr">
                      {transfer.id}
                    </span>
                    <bdi>{transfer.payeeName}</bdi>
                    <strong>
                      <bdi dir="ltr">{transfer.amount}</bdi>
                    </strong>
                    <span className="demo-muted">{t(`transfer.status.${transfer.status}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  )
}
