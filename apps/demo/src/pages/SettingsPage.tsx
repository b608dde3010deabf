import { SecuritySettings } from '@centagate-kit/react/security-settings'
import { PageHeading } from '../components/PageHeading'
import { usePreferences } from '../lib/preferences'

/**
 * Settings: the kit's `SecuritySettings` lists the logged-in user's factors and adds (an
 * authenticator app, the CENTAGATE app, a phone number, a hardware token) or removes them; the
 * kit server identifies the user, asks for a fresh step-up before any change and calls CENTAGATE
 * with admin credentials. The drawer's "Authenticator app" and "CENTAGATE app activation" scan
 * the codes it shows.
 */
export function SettingsPage() {
  const { t } = usePreferences()
  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      <section aria-labelledby="security-heading">
        <h2 id="security-heading">{t('settings.security')}</h2>
        <p className="demo-muted">{t('settings.securityIntro')}</p>
        <SecuritySettings />
      </section>
    </>
  )
}
