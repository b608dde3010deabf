import { OTPInput, REGEXP_ONLY_DIGITS, type SlotProps } from 'input-otp'
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  type ComponentProps,
  type ReactNode,
  type Ref,
} from 'react'
import { dataFlag } from '../internal/data-attributes'
import { digitsOnly } from '../internal/digits'
import { useOtpFieldContext } from './otp-field-context'
import { OtpFieldSlot } from './otp-field-slot'
import { otpFieldPart as part } from './otp-field-anatomy'

type NativeInputProps = Omit<
  ComponentProps<'input'>,
  'value' | 'defaultValue' | 'onChange' | 'maxLength' | 'pattern' | 'children' | 'ref'
>

export interface OtpFieldInputProps extends NativeInputProps {
  /** React 19 ref to the real `<input>`. */
  ref?: Ref<HTMLInputElement>
  /** Custom slot rendering; defaults to one `OtpFieldSlot` per digit. */
  renderSlots?: (slots: SlotProps[]) => ReactNode
  /** Nonce for the small stylesheet input-otp injects (strict CSP). */
  nonce?: string
  /** Moves focus here when mounted (a step opening). @default false */
  focusOnMount?: boolean
}

const nativeValueSetter =
  typeof HTMLInputElement === 'undefined'
    ? undefined
    : Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set

/**
 * The single real input (input-otp): `autocomplete="one-time-code"`, `inputmode="numeric"`, digits
 * locked left-to-right even in RTL pages, paste and autofill with spaces/dashes stripped.
 */
export function OtpFieldInput({
  ref,
  renderSlots,
  nonce,
  focusOnMount = false,
  ...props
}: OtpFieldInputProps) {
  const context = useOtpFieldContext('Input')
  const { inputRef, setValue, complete, length } = context

  const setRefs = useCallback(
    (element: HTMLInputElement | null) => {
      inputRef.current = element
      if (typeof ref === 'function') ref(element)
      else if (ref) ref.current = element
    },
    [inputRef, ref],
  )

  // iOS "From Messages" and some keyboards deliver the whole code in ONE input event, sometimes
  // formatted ("123 456"); input-otp would cut it at maxLength and reject the non-digits. This
  // native listener runs before React's and rewrites the value to its digits first. It uses the
  // prototype setter so React still sees the change.
  useLayoutEffect(() => {
    const element = inputRef.current
    if (!element || !nativeValueSetter) return
    const normalise = () => {
      const cleaned = digitsOnly(element.value).slice(0, length)
      if (cleaned !== element.value) nativeValueSetter.call(element, cleaned)
    }
    element.addEventListener('input', normalise)
    return () => element.removeEventListener('input', normalise)
  }, [inputRef, length])

  useEffect(() => {
    if (focusOnMount) inputRef.current?.focus()
  }, [focusOnMount, inputRef])

  const describedBy =
    [context.hasDescription && context.descriptionId, context.hasMessage && context.messageId]
      .filter(Boolean)
      .join(' ') || undefined

  return (
    <div
      {...part('control')}
      data-invalid={dataFlag(context.invalid)}
      data-disabled={dataFlag(context.disabled)}
      dir="ltr"
    >
      <OTPInput
        {...props}
        ref={setRefs}
        id={context.inputId}
        name={context.name}
        value={context.value}
        onChange={(next: string) => setValue(digitsOnly(next))}
        onComplete={(code: string) => complete(code)}
        maxLength={length}
        pattern={REGEXP_ONLY_DIGITS}
        pasteTransformer={digitsOnly}
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        translate="no"
        disabled={context.disabled}
        aria-invalid={context.invalid || undefined}
        aria-describedby={describedBy}
        {...part('input')}
        {...(nonce ? { nonce } : {})}
        containerClassName="ck-otp-container"
        render={({ slots }) => (
          <div {...part('slots')} aria-hidden="true">
            {renderSlots
              ? renderSlots(slots)
              : slots.map((slot, index) => <OtpFieldSlot key={index} slot={slot} index={index} />)}
          </div>
        )}
      />
    </div>
  )
}
