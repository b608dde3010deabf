import { en, type Messages } from './en'

/** Locales with a built-in catalogue. */
export type BuiltInLocale = 'en' | 'ms' | 'id' | 'zh-CN'

/**
 * Loads one built-in catalogue as a lazy chunk, so an app ships only the locales it uses.
 * Unknown locales resolve to English, which is no chunk of its own: every provider already holds
 * it as the base catalogue.
 */
export async function loadMessages(locale: string): Promise<Messages> {
  const base = locale.toLowerCase()
  if (base.startsWith('zh')) return (await import('./zh-CN')).zhCN
  if (base.startsWith('ms')) return (await import('./ms')).ms
  if (base === 'id' || base.startsWith('id-') || base.startsWith('in'))
    return (await import('./id')).id
  return en
}
