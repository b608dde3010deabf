import { partsOf } from '../internal/anatomy'
import { errorPanelParts, headingParts } from '../parts/shared-anatomy'

/** Every part of the push approval widget (`data-scope="push-approval"`), declared once. */
export const pushApprovalParts = [
  'root',
  ...headingParts,
  'description',
  'details-panel',
  'details-title',
  'details',
  'status',
  'expiry-timer',
  'actions',
  'send-button',
  ...errorPanelParts,
] as const

export type PushApprovalPart = (typeof pushApprovalParts)[number]

export const pushApprovalPart = partsOf<PushApprovalPart>('push-approval')
