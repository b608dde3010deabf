'use client'
export { SecuritySettings, factorsQueryKey, type SecuritySettingsProps } from './security-settings'
export type { AddableFactor, SecuritySettingsState } from './security-settings-states'
export type { SecuritySettingsPart } from './security-settings-anatomy'
export {
  AuthenticatorEnrollment,
  type AuthenticatorEnrollmentProps,
} from '../authenticator-enrollment/authenticator-enrollment'
export { groupKey } from '../authenticator-enrollment/key-groups'
export { useFactorSetup, type UseFactorSetupOptions } from '../hooks/use-factor-setup'
export type { BoundMachine } from '../hooks/use-machine'
export { CentagateProvider, useKitClient, type CentagateProviderProps } from '../provider'
