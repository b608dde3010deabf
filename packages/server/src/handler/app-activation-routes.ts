/**
 * Activating the CENTAGATE app (`app/activation/start`, `app/activation/status`): CENTAGATE
 * registers a one-time pin for the user (`device/register/onetimepin`, admin cenToken) and sends
 * its passcode by SMS; the browser shows only the QR (the passcode is the second channel and never
 * leaves the server), then asks whether the app completed (`token/getStatus` type 1). A factor
 * change: a fresh step-up, except for a user's first factor.
 */
import type {
  AppActivationStartResponse,
  AppActivationStatusResponse,
  KitRequest,
} from '@centagate-kit/protocol'
import { CentagateCodeError } from '../centagate-client/errors'
import { allowFactorChange } from './factor-change'
import { factorUser } from './factor-user'
import { enforceSendLimit } from './guards'
import { adminCallsOf } from './pending-authenticator'
import type { RouteContext } from './runtime'

/** How long the QR and the SMS passcode stay valid (CENTAGATE's default). */
const activationSeconds = 300

export async function appActivationStart(
  context: RouteContext,
  _input: KitRequest<'app/activation/start'>,
): Promise<AppActivationStartResponse> {
  const { username } = await factorUser(context)
  await enforceSendLimit(context, 'factor', username)
  const allowance = await allowFactorChange(context, username, { firstFactor: true })
  let qr: string
  try {
    // `passcode` is dropped here: it reaches the user by SMS only.
    ;({ qr } = await adminCallsOf(context).registerOneTimePin(username, {
      validitySeconds: activationSeconds,
    }))
  } catch (error) {
    if (error instanceof CentagateCodeError) await allowance.release()
    throw error
  }
  return {
    status: 'pending',
    qr,
    expiresAt: context.now + activationSeconds * 1000,
    serverTime: context.now,
  }
}

export async function appActivationStatus(
  context: RouteContext,
  _input: KitRequest<'app/activation/status'>,
): Promise<AppActivationStatusResponse> {
  const { username } = await factorUser(context)
  const { status } = await adminCallsOf(context).factorStatus(username, 'mobile')
  return {
    status: status === 'valid' ? 'activated' : status === 'pending' ? 'pending' : 'none',
    serverTime: context.now,
  }
}
