import { useEffect, useId, useReducer } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FactorSummary, isKitClientError, KitClientError } from '@centagate-kit/client'
import { AuthenticatorEnrollment } from '../authenticator-enrollment/authenticator-enrollment'
import { useI18n } from '../i18n/use-i18n'
import type { MessageKey } from '../messages/en'
import { ErrorPanel } from '../parts/error-panel'
import { StepHeading } from '../parts/step-heading'
import { useKitClient } from '../provider/kit-client-context'
import { StepUp } from '../step-up/step-up'
import { TokenEnrollment } from '../token-enrollment/token-enrollment'
import { securitySettingsPart as part } from './security-settings-anatomy'
import { type AddableFactor, securitySettingsReducer } from './security-settings-states'

const scope = 'security-settings'

/** The react-query key of the signed-in user's factor list (invalidate it after a change). */
export const factorsQueryKey = ['centagate-kit', 'factors'] as const

export interface SecuritySettingsProps {
  /** What the user may add, in this order. @default ['authenticator', 'app', 'sms', 'hardware'] */
  adders?: readonly AddableFactor[]
  /** Called after a factor was added or removed. */
  onChanged?: (change: { change: 'added' | 'removed'; kind: string }) => void
  /** Focus the heading on mount. @default false */
  focusOnMount?: boolean
}

const confirmKeys: Record<FactorSummary['kind'], MessageKey> = {
  sms: 'settings.confirm.sms',
  token: 'settings.confirm.token',
  app: 'settings.confirm.app',
}
const addKeys: Record<AddableFactor, MessageKey> = {
  sms: 'settings.add.sms',
  hardware: 'settings.add.hardware',
  authenticator: 'settings.add.authenticator',
  app: 'settings.add.app',
}

const asKitError = (error: unknown) =>
  isKitClientError(error)
    ? error
    : new KitClientError('internal_error', { status: 0, messageKey: 'kit.internal_error' })

/**
 * The signed-in user's own factors (phone masked, token serial, app device name), with Remove
 * (confirmed first, behind a fresh step-up that runs inline, never the last factor: the server
 * refuses it and the button says why) and Add (authenticator app, CENTAGATE app, phone number,
 * hardware token, each through its enrolment widget). The list is a react-query query,
 * invalidated after every change; the user is the app session's, never a name from the browser.
 */
export function SecuritySettings({
  adders = ['authenticator', 'app', 'sms', 'hardware'],
  onChanged,
  focusOnMount = false,
}: SecuritySettingsProps) {
  const { t } = useI18n()
  const client = useKitClient()
  const titleId = useId()
  const queryClient = useQueryClient()
  const [view, send] = useReducer(securitySettingsReducer, { state: 'loading' })
  const factors = useQuery({
    queryKey: factorsQueryKey,
    queryFn: ({ signal }) => client.factorsList({ signal }),
  })
  const refresh = () => queryClient.invalidateQueries({ queryKey: factorsQueryKey })
  const remove = useMutation({
    mutationFn: (slot: FactorSummary['slot']) => client.factorsRemove({ slot }),
    onSuccess: (_answer, _slot) => {
      send({ type: 'DONE' })
      if (view.target) onChanged?.({ change: 'removed', kind: view.target.kind })
      void refresh()
    },
    onError: (error) => {
      const kitError = asKitError(error)
      if (kitError.code === 'step_up_required' && !view.steppedUp) send({ type: 'STEP_UP' })
      else send({ type: 'FAILED', error: kitError })
      if (kitError.code === 'last_factor') void refresh()
    },
  })
  useEffect(() => {
    if (factors.isSuccess) send({ type: 'LOADED' })
    else if (factors.isError) send({ type: 'LOAD_FAILED' })
  }, [factors.isSuccess, factors.isError])
  useEffect(() => {
    if (view.state === 'removing' && view.target && !remove.isPending) {
      remove.mutate(view.target.slot)
    }
    // The mutation starts on entering `removing` (confirmed, or stepped up), once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.state])

  // Back from adding: the list may have changed (a setup left pending, or completed).
  const back = () => {
    send({ type: 'BACK' })
    void refresh()
  }
  const added = (kind: string) => {
    onChanged?.({ change: 'added', kind })
    void refresh()
  }
  const labelOf = (factor: FactorSummary) =>
    factor.kind === 'app'
      ? factor.label === ''
        ? t('settings.kind.appNoName')
        : t('settings.kind.app', { label: factor.label })
      : t(factor.kind === 'sms' ? 'settings.kind.sms' : 'settings.kind.token', {
          label: factor.label,
        })

  const list = factors.data?.factors ?? []
  return (
    <section {...part('root')} data-state={view.state} aria-labelledby={titleId}>
      <StepHeading scope={scope} id={titleId} focusOnMount={focusOnMount}>
        {t('settings.title')}
      </StepHeading>
      {view.state === 'loading' ? (
        <p {...part('status')} data-state="waiting" role="status">
          {t('settings.loading')}
        </p>
      ) : view.state === 'error' ? (
        <>
          <ErrorPanel scope={scope} error={factors.error ? asKitError(factors.error) : undefined} />
          <div {...part('actions')}>
            <button
              type="button"
              {...part('retry')}
              data-variant="primary"
              onClick={() => {
                send({ type: 'RETRY' })
                void factors.refetch()
              }}
            >
              {t('common.tryAgain')}
            </button>
          </div>
        </>
      ) : view.state === 'adding' && view.adding ? (
        <>
          {view.adding === 'sms' || view.adding === 'hardware' ? (
            <TokenEnrollment
              kinds={[view.adding]}
              defaultKind={view.adding}
              focusOnMount
              onRegistered={(result) => added(result.kind)}
            />
          ) : (
            <AuthenticatorEnrollment
              kind={view.adding}
              focusOnMount
              onEnrolled={(result) => added(result.kind)}
              onCancel={back}
            />
          )}
          <button type="button" {...part('back')} data-variant="link" onClick={back}>
            {t('settings.back')}
          </button>
        </>
      ) : (
        <>
          {view.removed !== undefined ? (
            <p {...part('status')} data-state="approved" role="status">
              {t('settings.removed', { label: view.removed })}
            </p>
          ) : null}
          {list.length === 0 ? (
            <p {...part('status')} data-state="empty">
              {t('settings.empty')}
            </p>
          ) : (
            <ul {...part('list')}>
              {list.map((factor) => (
                <li
                  key={factor.slot}
                  {...part('item')}
                  data-method={factor.kind}
                  data-status={factor.status}
                >
                  <span {...part('item-label')}>
                    <bdi>{labelOf(factor)}</bdi>
                  </span>
                  {factor.status === 'pending' ? (
                    <span {...part('item-note')}>{t('settings.pending')}</span>
                  ) : factor.blockedBy === 'last_factor' ? (
                    <span {...part('item-note')} id={`${titleId}-${factor.slot}-blocked`}>
                      {t('settings.lastFactor')}
                    </span>
                  ) : null}
                  <button
                    type="button"
                    {...part('remove')}
                    data-variant="secondary"
                    disabled={factor.blockedBy !== undefined || view.state !== 'ready'}
                    aria-describedby={
                      factor.blockedBy === undefined
                        ? undefined
                        : `${titleId}-${factor.slot}-blocked`
                    }
                    aria-label={`${t('settings.remove')}: ${labelOf(factor)}`}
                    onClick={() => send({ type: 'REMOVE', factor })}
                  >
                    {t('settings.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {view.target && view.state !== 'ready' ? (
            <div {...part('confirm')} role="group" aria-labelledby={`${titleId}-confirm`}>
              <p {...part('confirm-text')} id={`${titleId}-confirm`}>
                {t(confirmKeys[view.target.kind], { label: view.target.label })}
              </p>
              {view.target.status === 'active' ? (
                <p {...part('confirm-hint')}>{t('settings.confirmHint')}</p>
              ) : null}
              <ErrorPanel scope={scope} error={view.error} />
              <div {...part('actions')}>
                <button
                  type="button"
                  {...part('confirm-remove')}
                  data-variant="primary"
                  disabled={view.state !== 'confirming' || view.error?.code === 'last_factor'}
                  aria-busy={view.state === 'removing' || undefined}
                  onClick={() => send({ type: 'CONFIRM' })}
                >
                  {view.state === 'removing' ? t('settings.removing') : t('settings.remove')}
                </button>
                <button
                  type="button"
                  {...part('keep')}
                  data-variant="link"
                  disabled={view.state === 'removing'}
                  onClick={() => send({ type: 'KEEP' })}
                >
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : null}
          {view.state === 'awaiting-step-up' ? (
            <StepUp
              onAuthenticated={() => send({ type: 'STEPPED_UP' })}
              onCancel={() => send({ type: 'KEEP' })}
            />
          ) : null}
          {view.state === 'ready' && adders.length > 0 ? (
            <div {...part('add-list')} role="group" aria-label={t('settings.add')}>
              {adders.map((kind) => (
                <button
                  key={kind}
                  type="button"
                  {...part('add')}
                  data-method={kind}
                  data-variant="secondary"
                  onClick={() => send({ type: 'ADD', kind })}
                >
                  {t(addKeys[kind])}
                </button>
              ))}
            </div>
          ) : null}
        </>
      )}
    </section>
  )
}
