import { partsOf } from '../internal/anatomy'
import { errorPanelParts, headingParts } from '../parts/shared-anatomy'

/** Every part of the factor settings widget (`data-scope="security-settings"`), declared once. */
export const securitySettingsParts = [
  'root',
  ...headingParts,
  'status',
  'retry',
  'list',
  'item',
  'item-label',
  'item-note',
  'remove',
  'confirm',
  'confirm-text',
  'confirm-hint',
  'actions',
  'confirm-remove',
  'keep',
  'add-list',
  'add',
  'back',
  ...errorPanelParts,
] as const

export type SecuritySettingsPart = (typeof securitySettingsParts)[number]

export const securitySettingsPart = partsOf<SecuritySettingsPart>('security-settings')
