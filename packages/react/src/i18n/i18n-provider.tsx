import { useMemo, type ReactNode } from 'react'
import { en, type Messages } from '../messages/en'
import { createI18n, I18nContext } from './i18n-context'

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

/** Provides messages to every kit component below it (`CentagateProvider` includes it). */
export function I18nProvider({ locale = 'en', messages, children }: I18nProviderProps) {
  const value = useMemo(() => createI18n(locale, { ...en, ...messages }), [locale, messages])
  return <I18nContext value={value}>{children}</I18nContext>
}
