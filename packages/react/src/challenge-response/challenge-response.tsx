import { useId } from 'react'
import type { ChallengeSnapshot, MethodEvent } from '@centagate-kit/client'
import {
  useChallengeResponse,
  type UseChallengeResponseOptions,
} from '../hooks/use-challenge-response'
import { useServerClock } from '../hooks/use-server-clock'
import { useI18n } from '../i18n/use-i18n'
import { dataFlag } from '../internal/data-attributes'
import { CodeForm, isFieldError } from '../parts/code-form'
import { CountdownText } from '../parts/countdown-text'
import { ErrorPanel } from '../parts/error-panel'
import { StepHeading } from '../parts/step-heading'
import { ChallengeDisplay } from './challenge-display'
import { challengeResponsePart as part } from './challenge-response-anatomy'

export interface ChallengeResponseViewProps {
  /** The challenge-response machine's snapshot: standalone or `<StepUp>`'s child. */
  snapshot: ChallengeSnapshot
  /** Sends the machine an event (`CODE.SEND`, `CODE.SUBMIT`). */
  send: (event: MethodEvent) => void
  /** Digits in the token's response. @default 6 */
  responseLength?: number
  /** Focus the heading on open, then the response field once the challenge is shown. @default false */
  focusOnMount?: boolean
}

/**
 * Challenge-response step, rendered from the machine's snapshot: the challenge to key into the
 * token and the token's response, while the challenge can still be answered; once it expired or
 * was used up, "Get a new challenge" replaces them.
 */
export function ChallengeResponseView({
  snapshot,
  send,
  responseLength = 6,
  focusOnMount = false,
}: ChallengeResponseViewProps) {
  const { t } = useI18n()
  const clock = useServerClock()
  const titleId = useId()
  const { state, sent, error } = snapshot
  const sending = state === 'sending'
  const codeOpen =
    sent !== undefined && (state === 'awaiting-otp' || state === 'verifying' || state === 'error')
  return (
    <section
      {...part('root')}
      data-state={state}
      data-busy={dataFlag(sending || state === 'verifying')}
      aria-labelledby={titleId}
    >
      <StepHeading scope="challenge-response" id={titleId} focusOnMount={focusOnMount && !sent}>
        {t('challenge.title')}
      </StepHeading>
      {state === 'approved' ? (
        <p {...part('status')} data-state="approved" role="status">
          {t('stepup.approved')}
        </p>
      ) : (
        <>
          {codeOpen ? (
            <>
              <p {...part('description')}>{t('challenge.instructions')}</p>
              <ChallengeDisplay challenge={sent.challenge} />
              <CountdownText
                scope="challenge-response"
                part="expiry-timer"
                deadline={sent.expiresAt}
                clock={clock}
                running="challenge.expiresIn"
                done="challenge.expired"
              />
              <CodeForm
                scope="challenge-response"
                label={t('challenge.responseLabel')}
                length={responseLength}
                error={error}
                attemptsLeft={snapshot.attemptsLeft}
                submitting={state === 'verifying'}
                onSubmit={(code) => send({ type: 'CODE.SUBMIT', code })}
                // The field appears once the challenge is shown: focus moves to it.
                focusOnMount
              />
            </>
          ) : null}
          <ErrorPanel scope="challenge-response" error={isFieldError(error) ? undefined : error} />
          {state === 'locked' && snapshot.lockScope === 'user' ? null : (
            <div {...part('actions')}>
              <button
                type="button"
                {...part('send-button')}
                data-variant={codeOpen ? 'link' : 'primary'}
                disabled={sending}
                aria-busy={sending || undefined}
                onClick={() => send({ type: 'CODE.SEND' })}
              >
                {sending ? t('challenge.getting') : sent ? t('challenge.new') : t('challenge.get')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  )
}

export interface ChallengeResponseProps
  extends UseChallengeResponseOptions, Omit<ChallengeResponseViewProps, 'snapshot' | 'send'> {}

/**
 * Challenge-response for a flow the app started: its own machine on the provider's client, or
 * the `machine` passed in.
 */
export function ChallengeResponse({ onAuthenticated, machine, ...props }: ChallengeResponseProps) {
  const { snapshot, send } = useChallengeResponse({
    ...(onAuthenticated ? { onAuthenticated } : {}),
    ...(machine ? { machine } : {}),
  })
  return <ChallengeResponseView snapshot={snapshot} send={send} {...props} />
}
