'use client'
export { TokenEnrollment, type EnrollmentKind, type TokenEnrollmentProps } from './token-enrollment'
export { TokenEnrollmentField, type TokenEnrollmentFieldProps } from './token-enrollment-field'
export {
  e164Pattern,
  normalisePhone,
  normaliseSerial,
  serialPattern,
} from './enrollment-validation'
export type { TokenEnrollmentPart } from './token-enrollment-anatomy'
export { useTokenEnrollment, type UseTokenEnrollmentOptions } from '../hooks/use-token-enrollment'
export type { BoundMachine } from '../hooks/use-machine'
export { CentagateProvider, useKitClient, type CentagateProviderProps } from '../provider'
