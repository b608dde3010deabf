import { en, type Messages } from './en'
import { catalogueOf } from './translations'

/** Locales with a built-in catalogue. */
export type BuiltInLocale = 'en' | 'ms' | 'id' | 'zh-CN'

/**
 * Loads one built-in catalogue as a lazy chunk, so an app ships only the locales it uses. The
 * chunk holds the locale's texts alone; their keys come from the English catalogue, which every
 * provider already holds as its base (so unknown locales resolve to it, with no chunk at all).
 */
export async function loadMessages(locale: string): Promise<Messages> {
  const base = locale.toLowerCase()
  if (base.startsWith('zh')) return catalogueOf((await import('./texts/zh-CN')).zhCNTexts)
  if (base.startsWith('ms')) return catalogueOf((await import('./texts/ms')).msTexts)
  if (base === 'id' || base.startsWith('id-') || base.startsWith('in'))
    return catalogueOf((await import('./texts/id')).idTexts)
  return en
}
