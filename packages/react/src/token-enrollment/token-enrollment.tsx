import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { EnrolmentMachine, TokensRegisterResponse } from '@centagate-kit/client'
import { useTokenEnrollment } from '../hooks/use-token-enrollment'
import { useI18n } from '../i18n/use-i18n'
import { useControllableState } from '../internal/use-controllable-state'
import { ErrorPanel } from '../parts/error-panel'
import { StepHeading } from '../parts/step-heading'
import { StepUp } from '../step-up/step-up'
import {
  e164Pattern,
  normalisePhone,
  normaliseSerial,
  serialPattern,
} from './enrollment-validation'
import { tokenEnrollmentPart as part } from './token-enrollment-anatomy'
import { TokenEnrollmentField } from './token-enrollment-field'

export type EnrollmentKind = 'sms' | 'hardware'

export interface TokenEnrollmentProps {
  /** Which factor to register (controlled). */
  kind?: EnrollmentKind
  /** @default 'sms' */
  defaultKind?: EnrollmentKind
  onKindChange?: (details: { value: EnrollmentKind }) => void
  /** Kinds offered. @default ['sms', 'hardware'] */
  kinds?: readonly EnrollmentKind[]
  onRegistered?: (result: TokensRegisterResponse) => void
  /** Focus the heading on mount. @default false */
  focusOnMount?: boolean
  /** Drive an existing machine (`createEnrolmentMachine`); the app disposes it. */
  machine?: EnrolmentMachine
}

/**
 * Registers an E.164 phone number or a hardware token serial, with validation messages, on the
 * client's enrolment machine; `data-state` is the machine's state. When the server asks for a
 * fresh step-up first (`awaiting-step-up`), `<StepUp>` opens below the form (inline, not modal:
 * the page, e.g. a device drawer, stays usable; the form then shows the typed value read-only,
 * without its button) and, once it succeeded, the same input is registered: the form is never
 * filled in twice.
 */
export function TokenEnrollment({
  kind: kindProp,
  defaultKind = 'sms',
  onKindChange,
  kinds = ['sms', 'hardware'],
  onRegistered,
  focusOnMount = false,
  machine,
}: TokenEnrollmentProps) {
  const { t } = useI18n()
  const titleId = useId()
  const [kind, setKind] = useControllableState({
    value: kindProp,
    defaultValue: defaultKind,
    onChange: onKindChange,
  })
  const [phone, setPhone] = useState('')
  const [serial, setSerial] = useState('')
  const [invalid, setInvalid] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const { snapshot, send } = useTokenEnrollment({
    ...(onRegistered ? { onRegistered } : {}),
    ...(machine ? { machine } : {}),
  })
  const { state, error } = snapshot
  const submitting = state === 'submitting'
  // While the step-up runs, the form only shows what will be registered (read-only: the machine
  // registers the input it was given); the step-up's "Verify" is the one primary action.
  const steppingUp = state === 'awaiting-step-up'

  const value = kind === 'sms' ? normalisePhone(phone) : normaliseSerial(serial)
  const valid = kind === 'sms' ? e164Pattern.test(value) : serialPattern.test(value)
  const validation =
    invalid && !valid
      ? t(kind === 'sms' ? 'enroll.phoneInvalid' : 'enroll.serialInvalid')
      : undefined

  useEffect(() => {
    if (invalid && !valid) inputRef.current?.focus()
  }, [invalid, valid])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (steppingUp) return
    if (!valid) {
      setInvalid(true)
      inputRef.current?.focus()
      return
    }
    send({
      type: 'REGISTER',
      input: kind === 'sms' ? { kind, phoneNumber: value } : { kind, serial: value },
    })
  }
  return (
    <section {...part('root')} data-state={state} aria-labelledby={titleId}>
      <StepHeading scope="token-enrollment" id={titleId} focusOnMount={focusOnMount}>
        {t('enroll.title')}
      </StepHeading>
      {snapshot.result ? (
        <p {...part('status')} data-state="approved" role="status">
          {t('enroll.done', { label: snapshot.result.label })}
        </p>
      ) : state === 'locked' ? (
        <ErrorPanel scope="token-enrollment" error={error} />
      ) : (
        <form {...part('form')} onSubmit={submit} noValidate>
          {kinds.length > 1 && !steppingUp ? (
            <fieldset {...part('kind')}>
              <legend {...part('legend')}>{t('enroll.kindLegend')}</legend>
              {kinds.map((option) => (
                <label key={option} {...part('option')}>
                  <input
                    type="radio"
                    name={`${titleId}-kind`}
                    value={option}
                    checked={kind === option}
                    onChange={() => {
                      setKind(option)
                      setInvalid(false)
                    }}
                  />
                  {t(option === 'sms' ? 'enroll.kind.sms' : 'enroll.kind.hardware')}
                </label>
              ))}
            </fieldset>
          ) : null}
          {kind === 'sms' ? (
            <TokenEnrollmentField
              ref={inputRef}
              key="sms"
              label={t('enroll.phoneLabel')}
              hint={t('enroll.phoneHint')}
              error={validation}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              dir="ltr"
              readOnly={steppingUp}
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
            />
          ) : (
            <TokenEnrollmentField
              ref={inputRef}
              key="hardware"
              label={t('enroll.serialLabel')}
              hint={t('enroll.serialHint')}
              error={validation}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              dir="ltr"
              readOnly={steppingUp}
              value={serial}
              onChange={(event) => setSerial(event.target.value)}
            />
          )}
          {steppingUp ? null : (
            <>
              <ErrorPanel scope="token-enrollment" error={error} />
              <div {...part('actions')}>
                <button
                  type="submit"
                  {...part('submit')}
                  data-variant="primary"
                  disabled={submitting}
                  aria-busy={submitting || undefined}
                >
                  {submitting ? t('enroll.submitting') : t('enroll.submit')}
                </button>
              </div>
            </>
          )}
        </form>
      )}
      {steppingUp ? (
        <StepUp
          onAuthenticated={() => send({ type: 'STEPPED_UP' })}
          onCancel={() => send({ type: 'CANCEL' })}
        />
      ) : null}
    </section>
  )
}
