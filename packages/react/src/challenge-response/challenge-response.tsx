import { useId } from 'react'
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
import type { ChallengeResponseController } from './challenge-response-controller'

export interface ChallengeResponseViewProps {
  controller: ChallengeResponseController
  /** Digits in the token's response. @default 6 */
  responseLength?: number
  /** Focus the heading on open, then the response field once the challenge is shown. @default false */
  focusOnMount?: boolean
}

/** Challenge-response step: the challenge to key into the token, and the token's response. */
export function ChallengeResponseView({
  controller,
  responseLength = 6,
  focusOnMount = false,
}: ChallengeResponseViewProps) {
  const { t } = useI18n()
  const clock = useServerClock()
  const titleId = useId()
  const { status, challenge, error } = controller
  const sending = status === 'sending'
  return (
    <section
      data-scope="challenge-response"
      data-part="root"
      data-state={status}
      data-busy={dataFlag(sending || status === 'verifying')}
      aria-labelledby={titleId}
    >
      <StepHeading
        scope="challenge-response"
        id={titleId}
        focusOnMount={focusOnMount && !challenge}
      >
        {t('challenge.title')}
      </StepHeading>
      {status === 'verified' ? (
        <p data-scope="challenge-response" data-part="status" data-state="approved" role="status">
          {t('stepup.approved')}
        </p>
      ) : (
        <>
          {challenge ? (
            <>
              <p data-scope="challenge-response" data-part="description">
                {t('challenge.instructions')}
              </p>
              <ChallengeDisplay challenge={challenge.challenge} />
              <CountdownText
                scope="challenge-response"
                part="expiry-timer"
                deadline={challenge.expiresAt}
                clock={clock}
                running="challenge.expiresIn"
                done="challenge.expired"
              />
              {status !== 'locked' ? (
                <CodeForm
                  scope="challenge-response"
                  label={t('challenge.responseLabel')}
                  length={responseLength}
                  error={error}
                  attemptsLeft={controller.attemptsLeft}
                  submitting={status === 'verifying'}
                  onSubmit={controller.verify}
                  // The field appears once the challenge is shown: focus moves to it.
                  focusOnMount
                />
              ) : null}
            </>
          ) : null}
          <ErrorPanel scope="challenge-response" error={isFieldError(error) ? undefined : error} />
          {status !== 'locked' ? (
            <div data-scope="challenge-response" data-part="actions">
              <button
                type="button"
                data-scope="challenge-response"
                data-part="send-button"
                data-variant={challenge ? undefined : 'primary'}
                disabled={sending}
                aria-busy={sending || undefined}
                onClick={controller.send}
              >
                {sending
                  ? t('challenge.getting')
                  : challenge
                    ? t('challenge.new')
                    : t('challenge.get')}
              </button>
            </div>
          ) : null}
        </>
      )}
    </section>
  )
}

export interface ChallengeResponseProps
  extends UseChallengeResponseOptions, Omit<ChallengeResponseViewProps, 'controller'> {}

/** Challenge-response wired to the provider's client (an active flow must exist). */
export function ChallengeResponse({ onAuthenticated, ...props }: ChallengeResponseProps) {
  const controller = useChallengeResponse(onAuthenticated ? { onAuthenticated } : {})
  return <ChallengeResponseView controller={controller} {...props} />
}
