import { Suspense, lazy } from 'react'
import type { AuthenticatorEnrollmentProps } from './authenticator-enrollment/authenticator-enrollment'
import type { SecuritySettingsProps } from './security-settings/security-settings'
import type { TokenEnrollmentProps } from './token-enrollment/token-enrollment'

/*
 * The factor settings and the enrolment widgets (authenticator, token) are rarely shown (a settings page, a device
 * drawer) and pull in the step-up, the enrolment forms and the QR code: from the package root
 * they load on first render, in their own chunk, so the whole kit's initial load stays small.
 * Their own entries (`@centagate-kit/react/security-settings`, `/authenticator-enrollment`)
 * export them eagerly.
 */
const LazySecuritySettings = lazy(() =>
  import('./security-settings/security-settings').then((module) => ({
    default: module.SecuritySettings,
  })),
)
const LazyAuthenticatorEnrollment = lazy(() =>
  import('./authenticator-enrollment/authenticator-enrollment').then((module) => ({
    default: module.AuthenticatorEnrollment,
  })),
)

const LazyTokenEnrollment = lazy(() =>
  import('./token-enrollment/token-enrollment').then((module) => ({
    default: module.TokenEnrollment,
  })),
)

/** While the chunk loads: the widget's root, busy, so the page does not jump twice. */
const loading = (scope: string) => (
  <section data-scope={scope} data-part="root" data-state="loading" aria-busy="true" />
)

/** {@link SecuritySettingsProps}: see `@centagate-kit/react/security-settings` (loaded lazily here). */
export function SecuritySettings(props: SecuritySettingsProps) {
  return (
    <Suspense fallback={loading('security-settings')}>
      <LazySecuritySettings {...props} />
    </Suspense>
  )
}

/** See `@centagate-kit/react/authenticator-enrollment` (loaded lazily here). */
export function AuthenticatorEnrollment(props: AuthenticatorEnrollmentProps) {
  return (
    <Suspense fallback={loading('authenticator-enrollment')}>
      <LazyAuthenticatorEnrollment {...props} />
    </Suspense>
  )
}

/** See `@centagate-kit/react/token-enrollment` (loaded lazily here). */
export function TokenEnrollment(props: TokenEnrollmentProps) {
  return (
    <Suspense fallback={loading('token-enrollment')}>
      <LazyTokenEnrollment {...props} />
    </Suspense>
  )
}
