'use client'
export {
  AuthenticatorEnrollment,
  type AuthenticatorEnrollmentProps,
} from './authenticator-enrollment'
export { groupKey } from './key-groups'
export type { AuthenticatorEnrollmentPart } from './authenticator-enrollment-anatomy'
export { useFactorSetup, type UseFactorSetupOptions } from '../hooks/use-factor-setup'
export type { BoundMachine } from '../hooks/use-machine'
export { CentagateProvider, useKitClient, type CentagateProviderProps } from '../provider'
