import { useId } from 'react'
import { type Locale, localeNames, locales } from '../i18n/messages'
import { type Route, navigate, useRoute } from '../lib/router'
import { usePreferences } from '../lib/preferences'

interface AppHeaderProps {
  username: string | null
  onLogout: () => void
  /** Present when the emulator runs: the device drawer toggle. */
  drawer?: { open: boolean; toggle: () => void }
}

const pages: { route: Route; key: 'nav.accounts' | 'nav.transfer' | 'nav.settings' }[] = [
  { route: '/accounts', key: 'nav.accounts' },
  { route: '/transfer', key: 'nav.transfer' },
  { route: '/settings', key: 'nav.settings' },
]

/** Banner: bank name, main navigation (when logged in) and the display preferences. */
export function AppHeader({ username, onLogout, drawer }: AppHeaderProps) {
  const { t, locale, dark, rtl, update } = usePreferences()
  const route = useRoute()
  const languageId = useId()

  return (
    <header className="demo-header">
      <div className="demo-brand">
        <span className="demo-logo" aria-hidden="true">
          ◆
        </span>
        <span>
          <strong>{t('app.name')}</strong>
          <span className="demo-muted demo-tagline">{t('app.tagline')}</span>
        </span>
      </div>
      {username && (
        <nav aria-label={t('nav.label')} className="demo-nav">
          <ul>
            {pages.map((page) => (
              <li key={page.route}>
                <a
                  href={page.route}
                  aria-current={route === page.route ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault()
                    navigate(page.route)
                  }}
                >
                  {t(page.key)}
                </a>
              </li>
            ))}
            <li>
              <button type="button" className="demo-link-button" onClick={onLogout}>
                {t('nav.logout')}
              </button>
            </li>
          </ul>
        </nav>
      )}
      <div className="demo-prefs" role="group" aria-label={t('prefs.label')}>
        <label htmlFor={languageId} className="demo-visually-hidden">
          {t('prefs.language')}
        </label>
        <select
          id={languageId}
          value={locale}
          onChange={(event) => update({ locale: event.target.value as Locale })}
        >
          {locales.map((value) => (
            <option key={value} value={value} lang={value}>
              {localeNames[value]}
            </option>
          ))}
        </select>
        <button type="button" aria-pressed={dark} onClick={() => update({ dark: !dark })}>
          {t('prefs.dark')}
        </button>
        <button type="button" aria-pressed={rtl} onClick={() => update({ rtl: !rtl })}>
          {t('prefs.rtl')}
        </button>
        {drawer && (
          <button
            type="button"
            aria-expanded={drawer.open}
            aria-controls="device-drawer"
            onClick={drawer.toggle}
          >
            {drawer.open ? t('drawer.close') : t('drawer.open')}
          </button>
        )}
      </div>
    </header>
  )
}
