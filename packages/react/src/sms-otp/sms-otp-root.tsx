import { useId, type ComponentProps } from 'react'
import { dataFlag } from '../internal/data-attributes'
import type { SmsOtpStatus } from './sms-otp-controller'

export interface SmsOtpRootProps extends ComponentProps<'section'> {
  status: SmsOtpStatus
  /** id of the heading that names the section. */
  labelledBy?: string
}

/** Root of the SMS OTP widget; `data-state` is the named status. */
export function SmsOtpRoot({ status, labelledBy, ...props }: SmsOtpRootProps) {
  const fallback = useId()
  return (
    <section
      data-scope="sms-otp"
      data-part="root"
      data-state={status}
      data-busy={dataFlag(status === 'sending' || status === 'verifying')}
      aria-labelledby={labelledBy ?? fallback}
      {...props}
    />
  )
}
