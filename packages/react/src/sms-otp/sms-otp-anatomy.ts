import { partsOf } from '../internal/anatomy'
import { codeFormParts, errorPanelParts, headingParts } from '../parts/shared-anatomy'

/** Every part of the SMS OTP widget (`data-scope="sms-otp"`), declared once. */
export const smsOtpParts = [
  'root',
  ...headingParts,
  'destination',
  'masked-phone',
  'status',
  ...codeFormParts,
  'expiry-timer',
  'send',
  'send-button',
  'resend-timer',
  'sends-left',
  ...errorPanelParts,
] as const

export type SmsOtpPart = (typeof smsOtpParts)[number]

export const smsOtpPart = partsOf<SmsOtpPart>('sms-otp')
