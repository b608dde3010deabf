import { partsOf } from '../internal/anatomy'
import { codeFormParts, errorPanelParts, headingParts } from '../parts/shared-anatomy'

/** Every part of the QR signing widget (`data-scope="qr-signing"`), declared once. */
export const qrSigningParts = [
  'root',
  ...headingParts,
  'details-panel',
  'details-title',
  'details',
  'detail',
  'description',
  'code',
  'enlarge',
  'enlarged',
  'close',
  'expiry-timer',
  'manual',
  'manual-toggle',
  'manual-hint',
  'manual-code',
  'status',
  'otp-toggle',
  ...codeFormParts,
  'send-button',
  ...errorPanelParts,
] as const

export type QrSigningPart = (typeof qrSigningParts)[number]

export const qrSigningPart = partsOf<QrSigningPart>('qr-signing')
