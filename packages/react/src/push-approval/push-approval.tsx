import { useId } from 'react'
import type { MethodEvent, PushSnapshot, TransactionView } from '@centagate-kit/client'
import { usePushApproval, type UsePushApprovalOptions } from '../hooks/use-push-approval'
import { useServerClock } from '../hooks/use-server-clock'
import { useI18n } from '../i18n/use-i18n'
import { dataFlag } from '../internal/data-attributes'
import { CountdownText } from '../parts/countdown-text'
import { ErrorPanel } from '../parts/error-panel'
import { StepHeading } from '../parts/step-heading'
import { pushApprovalPart as part } from './push-approval-anatomy'
import { PushApprovalStatusText } from './push-approval-status'

export interface PushApprovalViewProps {
  /** The push machine's snapshot: standalone (`usePushApproval`) or `<StepUp>`'s child. */
  snapshot: PushSnapshot
  /** Sends the machine an event (`CODE.SEND` sends a new push). */
  send: (event: MethodEvent) => void
  /** The transaction from `stepup/start`, shown before the push is sent. */
  transaction?: TransactionView | undefined
  /** Focus the heading when the step opens. @default false */
  focusOnMount?: boolean
}

/**
 * "Approve on your phone", rendered from the push machine's snapshot: what the push shows in the
 * CENTAGATE app (exactly the server's text: the transaction summary or the login text, isolated
 * in a `<bdi>`) so the user can compare before approving, the wait with its time left, then
 * approved / rejected / expired, and "Send a new request" after an outcome or while waiting.
 */
export function PushApprovalView({
  snapshot,
  send,
  transaction,
  focusOnMount = false,
}: PushApprovalViewProps) {
  const { t } = useI18n()
  const clock = useServerClock()
  const titleId = useId()
  const { state, sent: push, error } = snapshot
  const waiting = state === 'awaiting-approval' && push !== undefined
  const details = push?.details ?? transaction?.summary
  return (
    <section
      {...part('root')}
      data-state={state}
      data-busy={dataFlag(state === 'sending')}
      aria-labelledby={titleId}
    >
      <StepHeading scope="push-approval" id={titleId} focusOnMount={focusOnMount}>
        {t('push.title')}
      </StepHeading>
      {waiting ? <p {...part('description')}>{t('push.instructions')}</p> : null}
      {details !== undefined && state !== 'approved' ? (
        <div {...part('details-panel')}>
          <h3 {...part('details-title')}>{t('push.detailsLabel')}</h3>
          <p {...part('details')}>
            <bdi>{details}</bdi>
          </p>
        </div>
      ) : null}
      <PushApprovalStatusText state={state} />
      {waiting ? (
        <CountdownText
          scope="push-approval"
          part="expiry-timer"
          deadline={push.expiresAt}
          clock={clock}
          running="push.expiresIn"
        />
      ) : null}
      <ErrorPanel scope="push-approval" error={error} />
      {state === 'sending' || state === 'approved' || snapshot.lockScope === 'user' ? null : (
        <div {...part('actions')}>
          <button
            type="button"
            {...part('send-button')}
            data-variant={waiting ? 'link' : 'primary'}
            onClick={() => send({ type: 'CODE.SEND' })}
          >
            {state === 'idle' ? t('push.start') : t('push.new')}
          </button>
        </div>
      )}
    </section>
  )
}

export interface PushApprovalProps
  extends UsePushApprovalOptions, Omit<PushApprovalViewProps, 'snapshot' | 'send'> {}

/**
 * Push approval for a login or step-up flow the app started: its own push machine on the
 * provider's client, or the `machine` passed in. Nothing is sent until the user asks
 * ("Send a request to my phone"): a push nobody expects trains people to approve blindly.
 */
export function PushApproval({
  onAuthenticated,
  visibility,
  machine,
  ...props
}: PushApprovalProps) {
  const { snapshot, send } = usePushApproval({
    ...(onAuthenticated ? { onAuthenticated } : {}),
    ...(visibility ? { visibility } : {}),
    ...(machine ? { machine } : {}),
  })
  return <PushApprovalView snapshot={snapshot} send={send} {...props} />
}
