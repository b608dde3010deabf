/**
 * Display preferences (language, dark mode, right-to-left) kept in localStorage and applied to
 * <html>: `lang`, `dir` and `data-theme` (the kit's styles.css reads `[data-theme=dark]`).
 */
import { type ReactNode, createContext, useContext, useEffect, useMemo, useState } from 'react'
import { type DemoMessageKey, type Locale, demoMessages, locales } from '../i18n/messages'

export interface Preferences {
  locale: Locale
  dark: boolean
  rtl: boolean
}

interface PreferencesContextValue extends Preferences {
  update(change: Partial<Preferences>): void
  t(key: DemoMessageKey, values?: Record<string, string | number>): string
}

const storageKey = 'demo-preferences'
const PreferencesContext = createContext<PreferencesContextValue | null>(null)

function initialPreferences(): Preferences {
  const fallback: Preferences = {
    locale: 'en',
    dark: window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
    rtl: false,
  }
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Partial<Preferences>
    return {
      locale: locales.includes(stored?.locale as Locale) ? (stored.locale as Locale) : 'en',
      dark: typeof stored?.dark === 'boolean' ? stored.dark : fallback.dark,
      rtl: stored?.rtl === true,
    }
  } catch {
    return fallback
  }
}

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [preferences, setPreferences] = useState(initialPreferences)

  useEffect(() => {
    const root = document.documentElement
    root.lang = preferences.locale
    root.dir = preferences.rtl ? 'rtl' : 'ltr'
    root.dataset.theme = preferences.dark ? 'dark' : 'light'
    localStorage.setItem(storageKey, JSON.stringify(preferences))
  }, [preferences])

  const value = useMemo<PreferencesContextValue>(() => {
    const messages = demoMessages[preferences.locale]
    return {
      ...preferences,
      update: (change) => setPreferences((current) => ({ ...current, ...change })),
      t: (key, values) =>
        messages[key].replace(/\{(\w+)\}/g, (match, name: string) =>
          values && name in values ? String(values[name]) : match,
        ),
    }
  }, [preferences])

  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>
}

export function usePreferences(): PreferencesContextValue {
  const value = useContext(PreferencesContext)
  if (!value) throw new Error('usePreferences needs <PreferencesProvider>')
  return value
}
