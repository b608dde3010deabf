/**
 * The server's route table: one handler per kit route declared in protocol
 * (`kitRouteDeclarations`), typed from its declaration. A handler receives the body as the zod
 * schema derived from the declaration parsed it, and must answer the declared response; a
 * declared route without a handler here, or a handler whose types disagree with its declaration,
 * fails typecheck.
 */
import {
  type KitErrorCode,
  type KitRequest,
  type KitResponse,
  type KitRoute,
  everyRouteErrors,
  kitRouteDeclarations,
  kitRouteSchemas,
} from '@centagate-kit/protocol'
import { invalidInput } from '../http/invalid-input'
import { appActivationStart, appActivationStatus } from './app-activation-routes'
import { authenticatorStart, authenticatorVerify } from './authenticator-routes'
import { appOtpStart, appOtpVerify } from './app-otp-routes'
import { pushStatus, qrStatus } from './approval-status-route'
import { tokensRegister } from './enrolment-route'
import { factorsList, factorsRemove } from './factor-list-routes'
import {
  challengeSend,
  challengeVerify,
  qrSend,
  qrVerify,
  smsSend,
  smsVerify,
} from './factor-routes'
import { flowCancel } from './flow-cancel-route'
import { pushSend } from './push-routes'
import type { RouteContext } from './runtime'
import { loginStart, stepUpStart } from './start-routes'

export type KitRouteHandler<R extends KitRoute> = (
  context: RouteContext,
  input: KitRequest<R>,
) => Promise<KitResponse<R>>

export type KitRouteTable = { readonly [R in KitRoute]: KitRouteHandler<R> }

export const kitRouteTable: KitRouteTable = {
  'login/start': loginStart,
  'stepup/start': stepUpStart,
  'sms/send': smsSend,
  'sms/verify': smsVerify,
  'challenge/send': challengeSend,
  'challenge/verify': challengeVerify,
  'qr/send': qrSend,
  'qr/status': qrStatus,
  'qr/verify': qrVerify,
  'push/send': pushSend,
  'push/status': pushStatus,
  'app-otp/start': appOtpStart,
  'app-otp/verify': appOtpVerify,
  'tokens/register': tokensRegister,
  'flow/cancel': flowCancel,
  'factors/list': factorsList,
  'factors/remove': factorsRemove,
  'authenticator/start': authenticatorStart,
  'authenticator/verify': authenticatorVerify,
  'app/activation/start': appActivationStart,
  'app/activation/status': appActivationStatus,
}

/**
 * Parses `body` with the route's zod schema (a 400 `invalid_input` naming the offending fields
 * otherwise), builds the route context from the parsed body, and runs the route.
 */
export async function runKitRoute<R extends KitRoute>(
  route: R,
  body: unknown,
  contextFor: (input: KitRequest<R>) => Promise<RouteContext>,
): Promise<KitResponse<R>> {
  const parsed = kitRouteSchemas[route].request.safeParse(body)
  if (!parsed.success) throw invalidInput(parsed.error.issues)
  const input: KitRequest<R> = parsed.data
  return kitRouteTable[route](await contextFor(input), input)
}

const declaredErrors = new Map<KitRoute, ReadonlySet<KitErrorCode>>(
  kitRouteDeclarations.map((route) => [
    route.path,
    new Set([...everyRouteErrors, ...route.errors]),
  ]),
)

/** Whether route `route` declares that it may answer `code`. */
export function declaresError(route: KitRoute, code: KitErrorCode): boolean {
  return declaredErrors.get(route)?.has(code) === true
}
