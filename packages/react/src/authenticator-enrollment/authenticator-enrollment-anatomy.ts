import { partsOf } from '../internal/anatomy'
import { codeFormParts, errorPanelParts, headingParts } from '../parts/shared-anatomy'

/**
 * Every part of the authenticator / CENTAGATE app setup widget
 * (`data-scope="authenticator-enrollment"`), declared once.
 */
export const authenticatorEnrollmentParts = [
  'root',
  ...headingParts,
  'description',
  'start',
  'code',
  'enlarge',
  'enlarged',
  'close',
  'key-panel',
  'key-title',
  'key',
  'copy',
  'expiry-timer',
  'status',
  ...codeFormParts,
  'check',
  'cancel',
  'restart',
  ...errorPanelParts,
] as const

export type AuthenticatorEnrollmentPart = (typeof authenticatorEnrollmentParts)[number]

export const authenticatorEnrollmentPart = partsOf<AuthenticatorEnrollmentPart>(
  'authenticator-enrollment',
)
