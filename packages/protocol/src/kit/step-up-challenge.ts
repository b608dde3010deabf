/**
 * The RFC 9470-style challenge `requireStepUp` answers with, and its recognition in the browser:
 * HTTP 401, `WWW-Authenticate: Bearer error="insufficient_user_authentication", max_age=N`, and a
 * kit error body with code `step_up_required`.
 */

export const stepUpErrorName = 'insufficient_user_authentication'

/** The `WWW-Authenticate` value for a step-up demand. */
export function formatStepUpChallenge(options: { maxAgeSeconds: number }): string {
  return `Bearer error="${stepUpErrorName}", error_description="A fresh step-up authentication is required", max_age=${Math.floor(options.maxAgeSeconds)}`
}

/** Whether a `WWW-Authenticate` header value demands a step-up. */
export function isStepUpChallenge(header: string | null | undefined): boolean {
  return typeof header === 'string' && /\berror="insufficient_user_authentication"/.test(header)
}
