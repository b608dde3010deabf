/** Guards of the method machines; `errorIs` and `errorOf` also serve enrolment and step-up. */
import { isValidOtpCode } from '@centagate-kit/protocol'
import { normalizeCode } from '../kit-client'
import type { KitClientError, KitClientErrorCode } from '../kit-client-error'
import type { Guard } from '../machine/machine-types'
import type { MethodContext, MethodEnv, MethodMachineEvent } from './method-types'

type MethodGuard = Guard<MethodContext, MethodMachineEvent, MethodEnv>

/** The error an internal `*.FAILED` event carries. */
export const errorOf = (event: object): KitClientError | undefined =>
  'error' in event ? (event as { error: KitClientError }).error : undefined

/** The event carries an error with one of `codes`. */
export const errorIs =
  (...codes: KitClientErrorCode[]) =>
  (_: unknown, event: object): boolean =>
    codes.includes(errorOf(event)?.code as KitClientErrorCode)

export const isUserLocked = errorIs('locked')
export const isChallengeLocked = errorIs('challenge_locked')
export const isOtpExpired = errorIs('otp_expired')
export const isRejected = errorIs('rejected')
export const isRateLimited = errorIs('rate_limited')
/** Refusals that leave the current code usable: a wrong or malformed code, a quota. */
export const isRecoverable = errorIs('otp_invalid', 'invalid_input', 'rate_limited')

/** The typed code of a submit event. */
export const codeOf = (event: MethodMachineEvent): string | undefined =>
  event.type === 'CODE.SUBMIT' ? event.code : event.type === 'QR.VERIFY' ? event.otp : undefined

export const hasSent: MethodGuard = (context) => context.sent !== undefined
export const isChallengeLock: MethodGuard = (context) => context.lockScope === 'challenge'
/** Before the SMS resend time (server clock); other methods have no local cooldown. */
export const isCoolingDown: MethodGuard = (context, _, env) => {
  const sent = context.sent
  return (
    sent !== undefined &&
    'resendAvailableAt' in sent &&
    env.client.clock.now() < sent.resendAvailableAt
  )
}
/** Not the one-time-code format (protocol's rule), after stripping what people paste around it. */
export const isMalformedCode: MethodGuard = (_, event) => {
  const code = codeOf(event)
  return code === undefined || !isValidOtpCode(normalizeCode(code))
}
export const failedOnSend: MethodGuard = (context) => context.operation?.kind === 'send'
export const failedOnVerify: MethodGuard = (context) => context.operation?.kind === 'verify'
