import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { TokensRegisterResponse } from '@centagate-kit/client'
import { useTokenEnrollment } from '../hooks/use-token-enrollment'
import { useI18n } from '../i18n/use-i18n'
import { useControllableState } from '../internal/use-controllable-state'
import { ErrorPanel } from '../parts/error-panel'
import { StepHeading } from '../parts/step-heading'
import {
  e164Pattern,
  normalisePhone,
  normaliseSerial,
  serialPattern,
} from './enrollment-validation'
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
}

/** Registers an E.164 phone number or a hardware token serial, with validation messages. */
export function TokenEnrollment({
  kind: kindProp,
  defaultKind = 'sms',
  onKindChange,
  kinds = ['sms', 'hardware'],
  onRegistered,
  focusOnMount = false,
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
  const mutation = useTokenEnrollment(onRegistered ? { onRegistered } : {})

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
    if (!valid) {
      setInvalid(true)
      inputRef.current?.focus()
      return
    }
    if (mutation.isPending) return
    mutation.mutate(kind === 'sms' ? { kind, phoneNumber: value } : { kind, serial: value })
  }
  const state = mutation.isSuccess
    ? 'registered'
    : mutation.isPending
      ? 'submitting'
      : mutation.isError
        ? 'error'
        : 'idle'
  return (
    <section
      data-scope="token-enrollment"
      data-part="root"
      data-state={state}
      aria-labelledby={titleId}
    >
      <StepHeading scope="token-enrollment" id={titleId} focusOnMount={focusOnMount}>
        {t('enroll.title')}
      </StepHeading>
      {mutation.isSuccess ? (
        <p data-scope="token-enrollment" data-part="status" data-state="approved" role="status">
          {t('enroll.done', { label: mutation.data.label })}
        </p>
      ) : (
        <form data-scope="token-enrollment" data-part="form" onSubmit={submit} noValidate>
          {kinds.length > 1 ? (
            <fieldset data-scope="token-enrollment" data-part="kind">
              <legend data-scope="token-enrollment" data-part="legend">
                {t('enroll.kindLegend')}
              </legend>
              {kinds.map((option) => (
                <label key={option} data-scope="token-enrollment" data-part="option">
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
              value={serial}
              onChange={(event) => setSerial(event.target.value)}
            />
          )}
          <ErrorPanel scope="token-enrollment" error={mutation.error ?? undefined} />
          <div data-scope="token-enrollment" data-part="actions">
            <button
              type="submit"
              data-scope="token-enrollment"
              data-part="submit"
              data-variant="primary"
              disabled={mutation.isPending}
              aria-busy={mutation.isPending || undefined}
            >
              {mutation.isPending ? t('enroll.submitting') : t('enroll.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
