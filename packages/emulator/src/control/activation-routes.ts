/**
 * The CENTAGATE app being activated on a phone (device simulator) after
 * `device/register/onetimepin`: the app scans the QR and the user types the passcode the SMS
 * brought.
 *
 * - `GET app/activations?username=`: `{activations: [{id, username, qr, status, expiresAt}]}`,
 *   pending ones (never the passcode: it travels by SMS, see the outbox).
 * - `POST app/activate` `{qr, passcode, name?, model?, os?}`: `{username, accountId, serial}`;
 *   404 `unknown_qr`, 410 `expired`, 409 `deactivated` / `already_bound`, 400 `invalid_passcode`
 *   with `attemptsLeft` (5 wrong passcodes void the activation).
 */
import { z } from 'zod'
import { completeActivation } from '../handlers/app-activation'
import { jsonReply } from '../reply'
import { type ControlRoutes, controlError, isReply, readJson } from './control-body'

const activateBody = z.strictObject({
  qr: z.string().min(1).max(4096),
  passcode: z.string().min(1).max(64),
  name: z.string().min(1).max(128).optional(),
  model: z.string().min(1).max(128).optional(),
  os: z.string().min(1).max(64).optional(),
})

const refusals = {
  unknown_qr: [404, 'not an activation QR of this emulator'],
  expired: [410, 'the activation expired, was replaced or was completed'],
  deactivated: [409, 'the registration was made deactivated (status 3 or 4)'],
  already_bound: [409, 'the user already has a mobile device'],
  invalid_passcode: [400, 'wrong passcode'],
} as const

export const activationRoutes: ControlRoutes = ({
  method,
  path,
  url,
  input,
  state,
  now,
  emulator,
}) => {
  if (method === 'GET' && path === 'app/activations') {
    const username = url.searchParams.get('username')
    const activations = Object.values(state.activations)
      .filter(
        (activation) =>
          (username === null || activation.username === username) &&
          activation.state === 'pending' &&
          activation.expiresAt > now,
      )
      .sort((a, b) => b.issuedAt - a.issuedAt)
      .map(({ id, username: owner, qr, status, expiresAt }) => ({
        id,
        username: owner,
        qr,
        status,
        expiresAt,
      }))
    return jsonReply({ activations })
  }
  if (method === 'POST' && path === 'app/activate') {
    const body = readJson(input, activateBody)
    if (isReply(body)) return body
    const result = completeActivation(state, body, now, emulator.settings)
    if (result.ok) {
      return jsonReply({
        username: result.username,
        accountId: result.accountId,
        serial: result.serial,
      })
    }
    const [status, message] = refusals[result.reason]
    return controlError(
      status,
      result.reason,
      message,
      result.attemptsLeft === undefined ? {} : { attemptsLeft: result.attemptsLeft },
    )
  }
  return null
}
