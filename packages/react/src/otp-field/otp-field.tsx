import type { ReactNode, Ref } from 'react'
import { useOptionalI18n } from '../i18n/i18n-context'
import { OtpFieldDescription } from './otp-field-description'
import { OtpFieldInput } from './otp-field-input'
import { OtpFieldLabel } from './otp-field-label'
import { OtpFieldMessage } from './otp-field-message'
import { OtpFieldRoot, type OtpFieldRootProps } from './otp-field-root'

export interface OtpFieldProps extends Omit<OtpFieldRootProps, 'children'> {
  /** Visible label (the accessible name). @default messages 'otp.label' */
  label?: ReactNode
  /** Hint under the field. @default messages 'otp.hint'; `null` hides it */
  hint?: ReactNode | null
  /** Error text; also sets `invalid`. Announced once through the polite live region. */
  error?: string | undefined
  /** Wrong codes still allowed (from the server); appended to the message. */
  attemptsLeft?: number | undefined
  /** Ref to the real input. */
  inputRef?: Ref<HTMLInputElement>
  /** Moves focus to the input when it mounts (a step opening). @default false */
  focusOnMount?: boolean
}

const fallback = {
  'otp.label': () => 'Verification code',
  'otp.hint': ({ length }: { length?: number }) => `Enter the ${length}-digit code.`,
  'otp.attemptsLeft': ({ count }: { count?: number }) =>
    count === 1 ? '1 attempt left.' : `${count} attempts left.`,
}

/** The composed OTP field: label, single input with painted slots, hint and live message. */
export function OtpField({
  label,
  hint,
  error,
  attemptsLeft,
  inputRef,
  focusOnMount = false,
  length = 6,
  invalid,
  ...props
}: OtpFieldProps) {
  const i18n = useOptionalI18n()
  // Without a provider the field speaks English from three built-in strings, so this entry does
  // not carry the whole catalogue.
  const t = (key: keyof typeof fallback, params: { length?: number; count?: number } = {}) =>
    i18n ? i18n.t(key, params) : fallback[key](params)
  const attempts =
    attemptsLeft !== undefined && error ? ` ${t('otp.attemptsLeft', { count: attemptsLeft })}` : ''
  return (
    <OtpFieldRoot length={length} invalid={invalid ?? Boolean(error)} {...props}>
      <OtpFieldLabel>{label ?? t('otp.label')}</OtpFieldLabel>
      <OtpFieldInput focusOnMount={focusOnMount} {...(inputRef ? { ref: inputRef } : {})} />
      {hint === null ? null : (
        <OtpFieldDescription>{hint ?? t('otp.hint', { length })}</OtpFieldDescription>
      )}
      <OtpFieldMessage>{error ? `${error}${attempts}` : undefined}</OtpFieldMessage>
    </OtpFieldRoot>
  )
}
