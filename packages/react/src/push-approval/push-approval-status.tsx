import type { PushState } from '@centagate-kit/client'
import { useI18n } from '../i18n/use-i18n'
import type { MessageKey } from '../messages/en'
import { pushApprovalPart } from './push-approval-anatomy'

const messages: Partial<Record<PushState, MessageKey>> = {
  sending: 'push.sending',
  'awaiting-approval': 'push.waiting',
  approved: 'push.approved',
  denied: 'push.rejected',
  expired: 'push.expired',
}

/**
 * The push's status as a polite live region: it changes a handful of times (sending -> waiting
 * -> approved / rejected / expired), never on a timer.
 */
export function PushApprovalStatusText({ state }: { state: PushState }) {
  const { t } = useI18n()
  const key = messages[state]
  return (
    <p {...pushApprovalPart('status')} data-state={state} role="status">
      {key ? t(key) : null}
    </p>
  )
}
