import { useI18n } from '../i18n/use-i18n'
import type { MessageKey } from '../messages/en'
import type { QrSigningStatus } from './qr-signing-controller'

const messages: Partial<Record<QrSigningStatus, MessageKey>> = {
  waiting: 'qr.waiting',
  approved: 'qr.approved',
  rejected: 'qr.rejected',
  expired: 'qr.expired',
  sending: 'qr.starting',
}

/**
 * The approval status as a polite live region: it changes a handful of times (waiting ->
 * approved / rejected / expired), never on a timer.
 */
export function QrSigningStatusText({ status }: { status: QrSigningStatus }) {
  const { t } = useI18n()
  const key = messages[status]
  return (
    <p data-scope="qr-signing" data-part="status" data-state={status} role="status">
      {key ? t(key) : null}
    </p>
  )
}
