'use client'
/**
 * `@centagate-kit/react`: provider, hooks and unstyled accessible components for CENTAGATE login
 * and step-up. Each component also has its own entry (`@centagate-kit/react/otp-field`, …) so an
 * app ships only what it renders.
 */
export * from './provider'
export * from './otp-field'
export * from './sms-otp'
export * from './challenge-response'
export * from './qr-signing'
export * from './push-approval'
export * from './app-otp'
export * from './step-up'
// Rarely shown and heavy: loaded on first render (their own entries export them eagerly, with
// `useFactorSetup`, `groupKey`, `factorsQueryKey`, `useTokenEnrollment`, `TokenEnrollmentField`
// and the phone/serial rules).
export { AuthenticatorEnrollment, SecuritySettings, TokenEnrollment } from './lazy-widgets'
export type { EnrollmentKind, TokenEnrollmentProps } from './token-enrollment/token-enrollment'
export type { TokenEnrollmentPart } from './token-enrollment/token-enrollment-anatomy'
export type { AuthenticatorEnrollmentProps } from './authenticator-enrollment/authenticator-enrollment'
export type { AuthenticatorEnrollmentPart } from './authenticator-enrollment/authenticator-enrollment-anatomy'
export type { SecuritySettingsProps } from './security-settings/security-settings'
export type {
  AddableFactor,
  SecuritySettingsState,
} from './security-settings/security-settings-states'
export type { SecuritySettingsPart } from './security-settings/security-settings-anatomy'
export { I18nProvider, type I18nProviderProps } from './i18n/i18n-provider'
export { useI18n } from './i18n/use-i18n'
export type { I18n } from './i18n/i18n-context'
export { useCountdown } from './hooks/use-countdown'
export { useServerClock } from './hooks/use-server-clock'
// English is the base catalogue; the other locales are separate entries
// (`@centagate-kit/react/messages/ms`, …) or lazy chunks through `loadMessages`.
export { en, type MessageKey, type Messages } from './messages/en'
export { loadMessages, type BuiltInLocale } from './messages/load-messages'
export { formatMessage, type MessageParams } from './i18n/format-message'
export { formatClockTime, formatCountdown } from './i18n/format-time'
export { errorMessage } from './i18n/error-message'
