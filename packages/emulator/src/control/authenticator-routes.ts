/**
 * What a user's code generators show now (device simulator): the CENTAGATE app's TOTP, the
 * authenticator app holding an offline OTP token (`token/register/otp/offline`) and TOTP hardware
 * tokens — RFC 6238, 30 s, 6 digits, at the emulator clock.
 *
 * `GET authenticators?username=&serial=`: `{authenticators: [{serial, kind, otp, period, digits,
 * validUntil}]}` (`kind`: `mobile-app`, `offline-token` or `totp-token`; `validUntil` the end of
 * the current step, ms); `serial` keeps one. 404 `unknown_user` / `unknown_serial`.
 */
import { generateTotp, totpStep } from '../otp/totp'
import { jsonReply } from '../reply'
import { userTokens } from '../state/factors'
import { type ControlRoutes, controlError } from './control-body'

const period = 30

export const authenticatorRoutes: ControlRoutes = ({ method, path, url, state, now }) => {
  if (method !== 'GET' || path !== 'authenticators') return null
  const username = url.searchParams.get('username') ?? ''
  const user = Object.hasOwn(state.users, username) ? state.users[username] : undefined
  if (!user) return controlError(404, 'unknown_user', 'no such user')
  const generators = [
    ...(user.device
      ? [
          {
            serial: user.device.serial ?? user.device.accountId,
            kind: 'mobile-app',
            secret: user.device.totpSecret,
          },
        ]
      : []),
    ...(user.softToken
      ? [{ serial: user.softToken.serial, kind: 'offline-token', secret: user.softToken.secret }]
      : []),
    ...userTokens(state, user.username)
      .filter((token) => token.kind === 'totp')
      .map((token) => ({ serial: token.serial, kind: 'totp-token', secret: token.seed })),
  ]
  const serial = url.searchParams.get('serial')
  const chosen = generators.filter((generator) => serial === null || generator.serial === serial)
  if (serial !== null && chosen.length === 0) {
    return controlError(404, 'unknown_serial', 'the user has no code generator with that serial')
  }
  const validUntil = (totpStep({ secret: '', period }, now) + 1) * period * 1000
  return jsonReply({
    authenticators: chosen.map((generator) => ({
      serial: generator.serial,
      kind: generator.kind,
      otp: generateTotp({ secret: generator.secret }, now),
      period,
      digits: 6,
      validUntil,
    })),
  })
}
