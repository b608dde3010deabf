import { partsOf } from '../internal/anatomy'
import { errorPanelParts, headingParts } from '../parts/shared-anatomy'

/** Every part of the token enrolment widget (`data-scope="token-enrollment"`), declared once. */
export const tokenEnrollmentParts = [
  'root',
  ...headingParts,
  'form',
  'kind',
  'legend',
  'option',
  'field',
  'label',
  'text-input',
  'hint',
  'field-error',
  'actions',
  'submit',
  'status',
  ...errorPanelParts,
] as const

export type TokenEnrollmentPart = (typeof tokenEnrollmentParts)[number]

export const tokenEnrollmentPart = partsOf<TokenEnrollmentPart>('token-enrollment')
