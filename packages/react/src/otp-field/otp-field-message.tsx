import { useLayoutEffect, type ComponentProps } from 'react'
import { dataFlag } from '../internal/data-attributes'
import { useOtpFieldContext } from './otp-field-context'
import { otpFieldPart as part } from './otp-field-anatomy'

/**
 * The error/attempts message: a polite live region that is always in the DOM (so assistive
 * technology announces changes), and whose text changes only when the message changes — never on
 * a timer tick — so each error and attempt count is announced once.
 */
export function OtpFieldMessage({ children, ...props }: ComponentProps<'div'>) {
  const context = useOtpFieldContext('Message')
  const { registerPart } = context
  const present =
    children !== undefined && children !== null && children !== false && children !== ''
  useLayoutEffect(() => {
    registerPart('message', present)
  }, [registerPart, present])
  useLayoutEffect(() => () => registerPart('message', false), [registerPart])
  return (
    <div
      {...part('message')}
      data-invalid={dataFlag(context.invalid && present)}
      id={context.messageId}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      {...props}
    >
      {children}
    </div>
  )
}
