import { useCallback, useId, useMemo, useRef, useState, type ComponentProps } from 'react'
import { dataFlag } from '../internal/data-attributes'
import { useControllableState } from '../internal/use-controllable-state'
import { useLatest } from '../internal/use-latest'
import { OtpFieldContext, type OtpFieldContextValue } from './otp-field-context'
import { otpFieldPart as part, type OtpFieldState } from './otp-field-anatomy'

export interface OtpFieldRootProps extends Omit<
  ComponentProps<'div'>,
  'defaultValue' | 'onChange' | 'id'
> {
  /** Controlled value (digits only). */
  value?: string
  /** Initial value when uncontrolled. @default '' */
  defaultValue?: string
  /** Called with the new digits on every change. */
  onValueChange?: (details: { value: string }) => void
  /** Called once the field holds `length` digits. */
  onComplete?: (details: { value: string }) => void
  /** Number of digits. @default 6 */
  length?: number
  /** Submits the surrounding form (`form.requestSubmit()`) when the code is complete. @default false */
  autoSubmit?: boolean
  /** Marks the field invalid (`aria-invalid`, `data-invalid`). @default false */
  invalid?: boolean
  /** @default false */
  disabled?: boolean
  /** Form field name, so the code is submitted with a plain form too. */
  name?: string
  /** Base id of the parts; generated when omitted. */
  id?: string
}

/**
 * Root of the OTP field: holds the value and the ids that tie label, input, hint and message
 * together. `data-state` is `empty`, `partial` or `complete`.
 */
export function OtpFieldRoot({
  value: valueProp,
  defaultValue = '',
  onValueChange,
  onComplete,
  length = 6,
  autoSubmit = false,
  invalid = false,
  disabled = false,
  name,
  id,
  children,
  ...props
}: OtpFieldRootProps) {
  const generated = useId()
  const base = id ?? `ck-otp${generated}`
  const [value, setValue] = useControllableState({
    value: valueProp,
    defaultValue,
    onChange: onValueChange,
  })
  const [parts, setParts] = useState({ description: false, message: false })
  const registerPart = useCallback((part: 'description' | 'message', present: boolean) => {
    setParts((current) => (current[part] === present ? current : { ...current, [part]: present }))
  }, [])
  const inputRef = useRef<HTMLInputElement | null>(null)
  const onCompleteRef = useLatest(onComplete)
  const complete = useCallback(
    (code: string) => {
      onCompleteRef.current?.({ value: code })
      if (autoSubmit) inputRef.current?.form?.requestSubmit()
    },
    [autoSubmit, onCompleteRef],
  )
  const context = useMemo<OtpFieldContextValue>(
    () => ({
      value,
      setValue,
      length,
      invalid,
      disabled,
      autoSubmit,
      name,
      inputId: `${base}-input`,
      labelId: `${base}-label`,
      descriptionId: `${base}-description`,
      messageId: `${base}-message`,
      hasDescription: parts.description,
      hasMessage: parts.message,
      registerPart,
      inputRef,
      complete,
    }),
    [
      value,
      setValue,
      length,
      invalid,
      disabled,
      autoSubmit,
      name,
      base,
      parts,
      registerPart,
      complete,
    ],
  )
  const state: OtpFieldState =
    value.length === 0 ? 'empty' : value.length >= length ? 'complete' : 'partial'
  return (
    <OtpFieldContext value={context}>
      <div
        {...part('root')}
        data-state={state}
        data-invalid={dataFlag(invalid)}
        data-disabled={dataFlag(disabled)}
        {...props}
      >
        {children}
      </div>
    </OtpFieldContext>
  )
}
