/**
 * `tokens/register`: the identified user (or the user who just logged in with a password and has
 * no factor yet) registers an SMS number or a hardware token serial, through the admin API with
 * credentials that never leave the server. A factor change: it needs a fresh step-up unless it is
 * the user's first factor (`factor-change.ts`), has its own send budget, and is reported to the
 * app's `onFactorChanged`.
 */
import { type KitRequest, type TokensRegisterResponse, maskPhone } from '@centagate-kit/protocol'
import { CentagateCodeError } from '../centagate-client/errors'
import { allowFactorChange, notifyFactorChanged } from './factor-change'
import { factorUser } from './factor-user'
import { enforceSendLimit } from './guards'
import { type RouteContext, clearFlow } from './runtime'

export async function tokensRegister(
  context: RouteContext,
  input: KitRequest<'tokens/register'>,
): Promise<TokensRegisterResponse> {
  const { runtime } = context
  const enrolFlow = context.flow?.step === 'enrol' ? context.flow : null
  const user = await factorUser(context)
  await enforceSendLimit(context, 'factor', user.username)
  const allowance = await allowFactorChange(context, user.username, { firstFactor: true })

  const tokenSn = input.kind === 'sms' ? input.phoneNumber : input.serial
  try {
    await runtime.admin.withCenToken((cenToken, adminUsername) =>
      runtime.client.registerActiveToken(
        {
          username: user.username,
          tokenSn,
          tokenType: input.kind === 'sms' ? '1' : '2',
          cenToken,
        },
        { adminUsername },
      ),
    )
  } catch (error) {
    // CENTAGATE refused: nothing changed, so the step-up stays usable for a corrected input.
    if (error instanceof CentagateCodeError) await allowance.release()
    throw error
  }
  const label = input.kind === 'sms' ? maskPhone(input.phoneNumber) : input.serial
  if (enrolFlow !== null) clearFlow(context)
  await notifyFactorChanged(context, {
    change: 'registered',
    kind: input.kind,
    label,
    username: user.username,
    allowedBy: allowance.allowedBy,
  })
  return { status: 'registered', kind: input.kind, label, serverTime: context.now }
}
