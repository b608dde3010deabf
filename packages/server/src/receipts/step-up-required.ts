/**
 * The RFC 9470-style refusal for a missing or too old step-up, the same wherever it is answered
 * (`requireStepUp` on the app's routes, the kit's own factor changes): HTTP 401,
 * `WWW-Authenticate: Bearer error="insufficient_user_authentication", max_age=N`, and a kit error
 * body `step_up_required` with `maxAgeSeconds` (and the transaction, when one is demanded).
 */
import { formatStepUpChallenge } from '@centagate-kit/protocol'
import { KitFailure } from '../http/kit-failure'

export function stepUpRequired(maxAgeSeconds: number, transactionId?: string): KitFailure {
  return new KitFailure(
    'step_up_required',
    { maxAgeSeconds, ...(transactionId === undefined ? {} : { transactionId }) },
    'kit.step_up_required',
    { 'www-authenticate': formatStepUpChallenge({ maxAgeSeconds }) },
  )
}
