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
export * from './token-enrollment'
export * from './step-up'
export { useCountdown } from './hooks/use-countdown'
export { useServerClock } from './hooks/use-server-clock'
export * from './messages'
export { loadMessages, type BuiltInLocale } from './messages/load-messages'
export { formatMessage, type MessageParams } from './i18n/format-message'
export { formatClockTime, formatCountdown } from './i18n/format-time'
export { errorMessage } from './i18n/error-message'
