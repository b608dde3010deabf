/** `auth/authBasic` (API.md 2.1) and `auth/adaptive` (2.2): start a login. */
import { timingSafeEqualText } from '@centagate-kit/protocol/signing'
import { userFactors } from '../state/factors'
import { recordFailure } from '../state/lockout'
import { authResultObject, createSession } from '../state/sessions'
import { type Handler, fail, field, ok } from './context'
import { activeUser } from './user-checks'

export const authBasic: Handler = (context) => {
  const checked = activeUser(context)
  if (!checked.ok) return checked.outcome
  const user = checked.value
  if (!timingSafeEqualText(user.password, field(context, 'password'))) {
    recordFailure(context.state, user.username, context.now, context.settings)
    return fail('23001')
  }
  // Users without MFA (the admin) or without any second factor complete on the password, unless
  // a second factor is mandatory for them (then they must enrol one first).
  const complete =
    !user.mfa || (userFactors(context.state, user).length === 0 && !user.requireSecondFactor)
  const session = createSession(context.state, user, context.now, context.settings, complete)
  return ok(authResultObject(context.state, session, context.settings))
}

export const adaptive: Handler = (context) => {
  const checked = activeUser(context)
  if (!checked.ok) return checked.outcome
  const user = checked.value
  // "false" means the caller's own first factor failed: counted, no login (API.md 2.2).
  if (field(context, 'authResult').toLowerCase() !== 'true') {
    recordFailure(context.state, user.username, context.now, context.settings)
    return fail('23001')
  }
  if (userFactors(context.state, user).length === 0) return fail('23039')
  const session = createSession(context.state, user, context.now, context.settings, !user.mfa)
  return ok(authResultObject(context.state, session, context.settings))
}
