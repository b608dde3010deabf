import { TokenEnrollment } from '@centagate-kit/react/token-enrollment'
import { PageHeading } from '../components/PageHeading'
import { usePreferences } from '../lib/preferences'

/**
 * Settings: the kit's `TokenEnrollment` registers a phone number or a spare hardware token for the
 * logged-in user (the kit server identifies the user and calls CENTAGATE with admin credentials).
 */
export function SettingsPage() {
  const { t } = usePreferences()
  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      <section aria-labelledby="security-heading">
        <h2 id="security-heading">{t('settings.security')}</h2>
        <p className="demo-muted">{t('settings.securityIntro')}</p>
        <TokenEnrollment defaultKind="hardware" />
      </section>
    </>
  )
}
