import { useId, type ComponentProps } from 'react'
import type { CodeState } from '@centagate-kit/client'
import { dataFlag } from '../internal/data-attributes'
import { smsOtpPart } from './sms-otp-anatomy'

export interface SmsOtpRootProps extends ComponentProps<'section'> {
  /** The SMS machine's state. */
  state: CodeState
  /** id of the heading that names the section. */
  labelledBy?: string
}

/** Root of the SMS OTP widget; `data-state` is the SMS machine's state. */
export function SmsOtpRoot({ state, labelledBy, ...props }: SmsOtpRootProps) {
  const fallback = useId()
  return (
    <section
      {...smsOtpPart('root')}
      data-state={state}
      data-busy={dataFlag(state === 'sending' || state === 'verifying')}
      aria-labelledby={labelledBy ?? fallback}
      {...props}
    />
  )
}
