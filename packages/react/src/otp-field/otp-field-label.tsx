import type { ComponentProps } from 'react'
import { dataFlag } from '../internal/data-attributes'
import { useOtpFieldContext } from './otp-field-context'
import { otpFieldPart as part } from './otp-field-anatomy'

/** The field's one accessible name: a real `<label>` tied to the single input. */
export function OtpFieldLabel(props: ComponentProps<'label'>) {
  const context = useOtpFieldContext('Label')
  return (
    <label
      {...part('label')}
      data-invalid={dataFlag(context.invalid)}
      id={context.labelId}
      htmlFor={context.inputId}
      {...props}
    />
  )
}
