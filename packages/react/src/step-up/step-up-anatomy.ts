import { partsOf } from '../internal/anatomy'
import { errorPanelParts, headingParts } from '../parts/shared-anatomy'

/**
 * Every part of the step-up widget (`data-scope="step-up"`), declared once. The chosen method's
 * widget inside it has its own scope and parts.
 */
export const stepUpParts = [
  'root',
  ...headingParts,
  'transaction-summary',
  'start',
  'status',
  'methods',
  'methods-title',
  'method',
  'method-label',
  'method-hint',
  'actions',
  'switch-method',
  'retry',
  'cancel',
  'dialog',
  'dialog-title',
  ...errorPanelParts,
] as const

export type StepUpPart = (typeof stepUpParts)[number]

export const stepUpPart = partsOf<StepUpPart>('step-up')
