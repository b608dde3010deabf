import type { I18n } from './i18n-context'

/** The fields of a kit error the message needs (a `KitClientError` has them all). */
export interface ErrorLike {
  code: string
  messageKey?: string
  attemptsLeft?: number
}

/**
 * The user-facing text for an error: the server's specific key (`centagate.invalid_sms_otp`) when
 * the catalogue has it, else `kit.<code>`, else the generic title. Never the raw server message.
 */
export function errorMessage(i18n: I18n, error: ErrorLike): string {
  return (
    (error.messageKey ? i18n.tMaybe(error.messageKey) : undefined) ??
    i18n.tMaybe(`kit.${error.code}`) ??
    i18n.t('error.title')
  )
}
