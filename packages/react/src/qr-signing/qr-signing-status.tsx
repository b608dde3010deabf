import type { QrState } from '@centagate-kit/client'
import { useI18n } from '../i18n/use-i18n'
import type { MessageKey } from '../messages/en'
import { qrSigningPart } from './qr-signing-anatomy'

const messages: Partial<Record<QrState, MessageKey>> = {
  'awaiting-approval': 'qr.waiting',
  approved: 'qr.approved',
  denied: 'qr.rejected',
  expired: 'qr.expired',
  sending: 'qr.starting',
}

/**
 * The approval status as a polite live region: it changes a handful of times (waiting ->
 * approved / declined / expired), never on a timer.
 */
export function QrSigningStatusText({ state }: { state: QrState }) {
  const { t } = useI18n()
  const key = messages[state]
  return (
    <p {...qrSigningPart('status')} data-state={state} role="status">
      {key ? t(key) : null}
    </p>
  )
}
