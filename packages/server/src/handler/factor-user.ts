/**
 * Who a factor route acts for: the app's identified user (`identify`), or the user of the `enrol`
 * flow who just logged in with a password and has no factor yet. Never a username from the
 * browser. The app's `authorizeEnrolment` may refuse (`forbidden`), and the lockout applies.
 */
import { KitFailure } from '../http/kit-failure'
import { enforceActor } from './guards'
import type { RouteContext } from './runtime'

export async function factorUser(context: RouteContext): Promise<{ username: string }> {
  const { runtime } = context
  let user =
    runtime.config.identify === undefined
      ? null
      : await runtime.config.identify(context.request.webRequest())
  if (user === null && context.flow?.step === 'enrol') user = { username: context.flow.username }
  if (user === null) throw new KitFailure('unauthenticated')
  // Named in the audit trail even when refused before the lockout looks (`forbidden`).
  context.user = user.username
  const allowed =
    runtime.config.authorizeEnrolment === undefined
      ? true
      : await runtime.config.authorizeEnrolment(context.request.webRequest(), user)
  if (!allowed) throw new KitFailure('forbidden')
  await enforceActor(context, user.username)
  return { username: user.username }
}
