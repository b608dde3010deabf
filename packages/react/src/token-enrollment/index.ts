'use client'
export { TokenEnrollment, type EnrollmentKind, type TokenEnrollmentProps } from './token-enrollment'
export { TokenEnrollmentField, type TokenEnrollmentFieldProps } from './token-enrollment-field'
export {
  e164Pattern,
  normalisePhone,
  normaliseSerial,
  serialPattern,
} from './enrollment-validation'
export { useTokenEnrollment } from '../hooks/use-token-enrollment'
export { CentagateProvider, useKitClient, type CentagateProviderProps } from '../provider'
