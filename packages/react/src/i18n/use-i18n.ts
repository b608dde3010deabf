import { en } from '../messages/en'
import { createI18n, useOptionalI18n, type I18n } from './i18n-context'

let english: I18n | undefined

/** The active messages and locale; English when no provider is above. */
export function useI18n(): I18n {
  const context = useOptionalI18n()
  if (context) return context
  english ??= createI18n('en', en)
  return english
}
