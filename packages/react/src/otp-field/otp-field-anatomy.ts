import { partsOf } from '../internal/anatomy'

/** Every part of the OTP field (`data-scope="otp-field"`), declared once. */
export const otpFieldParts = [
  'root',
  'label',
  'control',
  'input',
  'slots',
  'slot',
  'caret',
  'description',
  'message',
] as const

/** The root's `data-state`: how much of the code is typed. */
export const otpFieldStates = ['empty', 'partial', 'complete'] as const

export type OtpFieldPart = (typeof otpFieldParts)[number]
export type OtpFieldState = (typeof otpFieldStates)[number]

export const otpFieldPart = partsOf<OtpFieldPart>('otp-field')
