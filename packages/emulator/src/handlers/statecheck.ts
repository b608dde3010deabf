/**
 * `session/statecheck` (API.md 2.11): the state of the out-of-band step started by the session
 * of the request's authToken. `QRCODE` polls a QR request, `PUSH` (and `CROTP`, which the push
 * page names too) a push; `MSOFTCERT` and `MAUDIOPASS` are not emulated (23017).
 */
import { type Handler, fail, field } from './context'
import { pushStatecheck } from './push'
import { qrStatecheck } from './qr'
import { activeUser, requestSession } from './user-checks'

export const statecheck: Handler = (context) => {
  const checked = activeUser(context)
  if (!checked.ok) return checked.outcome
  const method = field(context, 'authMethod').toUpperCase()
  if (method !== 'QRCODE' && method !== 'PUSH' && method !== 'CROTP') return fail('23017')
  const session = requestSession(context, checked.value, 'none')
  if (!session.ok) return session.outcome
  if (session.value === null) return fail('23016')
  return method === 'QRCODE'
    ? qrStatecheck(context, session.value)
    : pushStatecheck(context, session.value)
}
