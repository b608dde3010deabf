/**
 * `tokens/register`: the identified user (or the user who just logged in with a password and has
 * no factor yet) registers an SMS number or a hardware token serial, through the admin API with
 * credentials that never leave the server.
 */
import { type KitRequest, type TokensRegisterResponse, maskPhone } from '@centagate-kit/protocol'
import { KitFailure } from '../http/kit-failure'
import { enforceActor } from './guards'
import { type RouteContext, clearFlow } from './runtime'

export async function tokensRegister(
  context: RouteContext,
  input: KitRequest<'tokens/register'>,
): Promise<TokensRegisterResponse> {
  const { runtime } = context
  let user =
    runtime.config.identify === undefined
      ? null
      : await runtime.config.identify(context.request.webRequest())
  const enrolFlow = context.flow?.step === 'enrol' ? context.flow : null
  if (user === null && enrolFlow !== null) user = { username: enrolFlow.username }
  if (user === null) throw new KitFailure('unauthenticated')
  const allowed =
    runtime.config.authorizeEnrolment === undefined
      ? true
      : await runtime.config.authorizeEnrolment(context.request.webRequest(), user)
  if (!allowed) throw new KitFailure('forbidden')
  await enforceActor(context, user.username)

  const tokenSn = input.kind === 'sms' ? input.phoneNumber : input.serial
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
  runtime.logger.info('token registered', { requestId: context.requestId, kind: input.kind })
  if (enrolFlow !== null) clearFlow(context)
  return {
    status: 'registered',
    kind: input.kind,
    label: input.kind === 'sms' ? maskPhone(input.phoneNumber) : input.serial,
    serverTime: context.now,
  }
}
