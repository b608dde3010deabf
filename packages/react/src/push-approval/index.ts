'use client'
export {
  PushApproval,
  PushApprovalView,
  type PushApprovalProps,
  type PushApprovalViewProps,
} from './push-approval'
export { PushApprovalStatusText } from './push-approval-status'
export type { PushApprovalPart } from './push-approval-anatomy'
export { usePushApproval, type UsePushApprovalOptions } from '../hooks/use-push-approval'
export type { BoundMachine } from '../hooks/use-machine'
export { CentagateProvider, useKitClient, type CentagateProviderProps } from '../provider'
