import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import type { KitClientError } from '@centagate-kit/client'
import { errorMessage } from '../i18n/error-message'
import { useI18n } from '../i18n/use-i18n'
import { partsOf } from '../internal/anatomy'
import { OtpField } from '../otp-field/otp-field'
import type { CodeFormPart } from './shared-anatomy'

/** Errors about the typed code itself: shown in the field, focus stays there. */
export function isFieldError(error: KitClientError | undefined): boolean {
  return error?.code === 'otp_invalid' || error?.code === 'invalid_input'
}

export interface CodeFormProps {
  scope: string
  label: ReactNode
  /** @default 6 */
  length?: number
  error?: KitClientError | undefined
  attemptsLeft?: number | undefined
  submitting: boolean
  disabled?: boolean
  onSubmit: (code: string) => void
  /** Focus the field when the form mounts. @default false */
  focusOnMount?: boolean
  /** Submit as soon as the code is complete. @default true */
  autoSubmit?: boolean
  /** A code to fill in (WebOTP). */
  incomingCode?: string | undefined
}

/**
 * The code entry of a flow: the OTP field plus a submit button. After a wrong code the field is
 * cleared and focused (its message announces the error and attempts left once).
 */
export function CodeForm({
  scope,
  label,
  length = 6,
  error,
  attemptsLeft,
  submitting,
  disabled = false,
  onSubmit,
  focusOnMount = false,
  autoSubmit = true,
  incomingCode,
}: CodeFormProps) {
  const i18n = useI18n()
  const [code, setCode] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const fieldError = isFieldError(error) ? error : undefined
  // State adjusted during render (not in an effect): a new wrong-code error clears the field; a
  // code received by WebOTP fills it.
  const [seenError, setSeenError] = useState(fieldError)
  if (fieldError !== seenError) {
    setSeenError(fieldError)
    if (fieldError) setCode('')
  }
  const [seenIncoming, setSeenIncoming] = useState(incomingCode)
  if (incomingCode !== seenIncoming) {
    setSeenIncoming(incomingCode)
    if (incomingCode) setCode(incomingCode.slice(0, length))
  }
  useEffect(() => {
    if (fieldError) inputRef.current?.focus()
  }, [fieldError])
  const part = partsOf<CodeFormPart>(scope)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (code.length === length && !submitting && !disabled) onSubmit(code)
  }
  return (
    <form {...part('code-form')} onSubmit={submit} noValidate>
      <OtpField
        label={label}
        length={length}
        value={code}
        onValueChange={({ value }) => setCode(value)}
        autoSubmit={autoSubmit}
        disabled={disabled || submitting}
        error={fieldError ? errorMessage(i18n, fieldError) : undefined}
        attemptsLeft={fieldError ? (fieldError.attemptsLeft ?? attemptsLeft) : undefined}
        inputRef={inputRef}
        focusOnMount={focusOnMount}
      />
      <div {...part('actions')}>
        <button
          type="submit"
          {...part('submit')}
          data-variant="primary"
          disabled={disabled || submitting || code.length !== length}
          aria-busy={submitting || undefined}
        >
          {submitting ? i18n.t('otp.submitting') : i18n.t('otp.submit')}
        </button>
      </div>
    </form>
  )
}
