import { createContext, useContext } from 'react'
import type { MessageKey, Messages } from '../messages/en'
import { formatMessage, type MessageParams } from './format-message'

export interface I18n {
  /** BCP 47 locale used for plurals, numbers and times. */
  locale: string
  /** The message for `key`, interpolated. */
  t: (key: MessageKey, params?: MessageParams) => string
  /** Like `t` for a key that may not exist (server message keys); `undefined` when unknown. */
  tMaybe: (key: string, params?: MessageParams) => string | undefined
}

/** Builds an `I18n` over a (merged) catalogue. */
export function createI18n(locale: string, messages: Partial<Messages>): I18n {
  const merged: Partial<Record<string, string>> = messages
  return {
    locale,
    t: (key, params) => formatMessage(merged[key] ?? key, params, locale),
    tMaybe: (key, params) => {
      const template = merged[key]
      return template === undefined ? undefined : formatMessage(template, params, locale)
    },
  }
}

// This module deliberately does not import the English catalogue: the OTP field entry uses it
// with three built-in strings and stays small. The provider and `useI18n` bring the catalogue.
export const I18nContext = createContext<I18n | null>(null)

/** The provider's messages, or `null` outside any provider. */
export function useOptionalI18n(): I18n | null {
  return useContext(I18nContext)
}
