/**
 * Every kit route, in one list: to add a route, declare it in a file of this folder, list it here
 * and run `pnpm --filter @centagate-kit/protocol generate`. Everything else is derived from this
 * list: the route names and types below, the server's zod schemas (`kit-zod-schemas.ts`) and its
 * typed route table, the browser checks (`browser-checks/generated.ts`) and the kit client's
 * methods (`@centagate-kit/client` builds one per declaration).
 */
import type { Infer } from '../schema/infer'
import { appActivationStart } from './app-activation-start'
import { appActivationStatus } from './app-activation-status'
import { authenticatorStart } from './authenticator-start'
import { authenticatorVerify } from './authenticator-verify'
import { appOtpStart } from './app-otp-start'
import { appOtpVerify } from './app-otp-verify'
import { challengeSend } from './challenge-send'
import { challengeVerify } from './challenge-verify'
import type { everyRouteErrors } from './route-errors'
import { factorsList } from './factors-list'
import { factorsRemove } from './factors-remove'
import { flowCancel } from './flow-cancel'
import { loginStart } from './login-start'
import { pushSend } from './push-send'
import { pushStatus } from './push-status'
import { qrSend } from './qr-send'
import { qrStatus } from './qr-status'
import { qrVerify } from './qr-verify'
import { smsSend } from './sms-send'
import { smsVerify } from './sms-verify'
import { stepUpStart } from './stepup-start'
import { tokensRegister } from './tokens-register'

export const kitRouteDeclarations = [
  loginStart,
  stepUpStart,
  smsSend,
  smsVerify,
  challengeSend,
  challengeVerify,
  qrSend,
  qrStatus,
  qrVerify,
  pushSend,
  pushStatus,
  appOtpStart,
  appOtpVerify,
  tokensRegister,
  flowCancel,
  factorsList,
  factorsRemove,
  authenticatorStart,
  authenticatorVerify,
  appActivationStart,
  appActivationStatus,
] as const

/** One of the declarations. */
export type KitRouteDeclarations = (typeof kitRouteDeclarations)[number]

/** A route name, relative to the base path (`sms/verify`). */
export type KitRoute = KitRouteDeclarations['path']

/** The declaration of route `R`. */
export type KitRouteDeclarationOf<R extends KitRoute> = Extract<KitRouteDeclarations, { path: R }>

// By route name, so that code generic over the route (the server's dispatch) still sees what
// every request has in common (`device`).
type KitRequests = { [D in KitRouteDeclarations as D['path']]: Infer<D['request']> }
type KitResponses = { [D in KitRouteDeclarations as D['path']]: Infer<D['response']> }

/** The JSON body the browser POSTs to route `R` (device signals included). */
export type KitRequest<R extends KitRoute> = KitRequests[R]

/** The 200 answer of route `R`. */
export type KitResponse<R extends KitRoute> = KitResponses[R]

/** The kit error codes route `R` may answer. */
export type KitRouteError<R extends KitRoute> =
  KitRouteDeclarationOf<R>['errors'][number] | (typeof everyRouteErrors)[number]

/** Every route name. */
export const kitRouteList: readonly KitRoute[] = kitRouteDeclarations.map((route) => route.path)

/** The answer of any send route (what the step-up machine receives after choosing a method). */
export type SendResponse =
  | KitResponse<'sms/send'>
  | KitResponse<'challenge/send'>
  | KitResponse<'qr/send'>
  | KitResponse<'push/send'>
  | KitResponse<'app-otp/start'>
