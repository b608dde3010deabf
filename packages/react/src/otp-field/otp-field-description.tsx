import { useLayoutEffect, type ComponentProps } from 'react'
import { useOtpFieldContext } from './otp-field-context'
import { otpFieldPart as part } from './otp-field-anatomy'

/** A hint tied to the input with `aria-describedby`. */
export function OtpFieldDescription(props: ComponentProps<'p'>) {
  const context = useOtpFieldContext('Description')
  const { registerPart } = context
  useLayoutEffect(() => {
    registerPart('description', true)
    return () => registerPart('description', false)
  }, [registerPart])
  return <p {...part('description')} id={context.descriptionId} {...props} />
}
