import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { en, type MessageKey, type Messages } from '../messages/en'
import { formatMessage, type MessageParams } from './format-message'

export interface I18n {
  /** BCP 47 locale used for plurals, numbers and times. */
  locale: string
  /** The message for `key`, interpolated. */
  t: (key: MessageKey, params?: MessageParams) => string
  /** Like `t` for a key that may not exist (server message keys); `undefined` when unknown. */
  tMaybe: (key: string, params?: MessageParams) => string | undefined
}

function createI18n(locale: string, messages: Partial<Messages>): I18n {
  const merged: Record<string, string> = { ...en, ...messages }
  return {
    locale,
    t: (key, params) => formatMessage(merged[key] ?? key, params, locale),
    tMaybe: (key, params) => {
      const template = merged[key]
      return template === undefined ? undefined : formatMessage(template, params, locale)
    },
  }
}

const defaultI18n = createI18n('en', en)
const I18nContext = createContext<I18n>(defaultI18n)

export interface I18nProviderProps {
  /** @default 'en' */
  locale?: string | undefined
  /**
   * A catalogue (e.g. `ms` from `@centagate-kit/react`) and/or per-key overrides, merged over the
   * English catalogue so a missing key never shows a raw key.
   */
  messages?: Partial<Messages> | undefined
  children?: ReactNode
}

/** Provides messages to every kit component below it. Optional: components default to English. */
export function I18nProvider({ locale = 'en', messages, children }: I18nProviderProps) {
  const value = useMemo(() => createI18n(locale, messages ?? {}), [locale, messages])
  return <I18nContext value={value}>{children}</I18nContext>
}

/** The active messages and locale. */
export function useI18n(): I18n {
  return useContext(I18nContext)
}
