import type { TransactionView } from '@centagate-kit/client'
import { useI18n } from '../i18n/use-i18n'
import { qrSigningPart as part } from './qr-signing-anatomy'

/**
 * "What you see is what you sign": renders exactly `transaction.fields` from the server, in order,
 * with no formatting of our own (the server formatted the same strings it signed). Each label and
 * each value is its own `<bdi>` (direction from its own text, `unicode-bidi: isolate`): an LTR
 * amount stays intact in an RTL page and vice versa, and no character of one string can reorder
 * another (the server also refuses control, format and bidi characters: `transaction_invalid`).
 */
export function QrSigningDetails({ transaction }: { transaction: TransactionView }) {
  const { t } = useI18n()
  return (
    <div {...part('details-panel')}>
      <h3 {...part('details-title')}>{t('qr.detailsTitle')}</h3>
      <dl {...part('details')} data-transaction-id={transaction.id}>
        {transaction.fields.map((field) => (
          <div key={field.name} {...part('detail')} data-name={field.name}>
            <dt>
              <bdi>{field.label}</bdi>
            </dt>
            <dd>
              <bdi>{field.value}</bdi>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
