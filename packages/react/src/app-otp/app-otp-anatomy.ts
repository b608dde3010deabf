import { partsOf } from '../internal/anatomy'
import { codeFormParts, errorPanelParts, headingParts } from '../parts/shared-anatomy'

/** Every part of the app-code widget (`data-scope="app-otp"`), declared once. */
export const appOtpParts = [
  'root',
  ...headingParts,
  'description',
  'status',
  ...codeFormParts,
  'expiry-timer',
  'send-button',
  ...errorPanelParts,
] as const

export type AppOtpPart = (typeof appOtpParts)[number]

export const appOtpPart = partsOf<AppOtpPart>('app-otp')
