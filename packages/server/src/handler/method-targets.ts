/**
 * Where each offered method reaches the user (the method choice's `hint`): the SMS phone, the
 * hardware token, the CENTAGATE app's device. Learnt once per flow, after the password is checked
 * (or for a step-up), from the admin `user/auth/list`, and kept masked in the flow cookie's
 * immutable facts so every later `factor_required` of the flow shows the same targets.
 */
import { type AuthListPayload, type KitMethod, maskPhone } from '@centagate-kit/protocol'
import { CentagateCodeError } from '../centagate-client/errors'
import type { FlowState, MethodTargets } from '../flow/flow-state'
import { KitFailure } from '../http/kit-failure'
import type { RouteContext } from './runtime'

/** Methods that reach the user through the CENTAGATE app: their target is its device name. */
const appMethods: ReadonlySet<string> = new Set(['qr', 'push'])

/** How long a flow start waits for the targets (a cold admin session is two upstream calls). */
const targetsWaitMs = 3_000

/** The method choice's `hint` limit (`methodOption.hint`, text(0, 64)). */
const hintMaxLength = 64

/**
 * A token serial as shown: the last four characters. A serial is printed on the token, so the
 * last four are enough for the user to recognise it; the whole serial is what an administrator
 * registers a stock token by, so the browser need not hold it. Odd characters: no hint.
 */
export function maskTokenSerial(serial: string): string | undefined {
  const trimmed = serial.trim()
  if (!/^[A-Za-z0-9-]{6,64}$/.test(trimmed)) return undefined
  return `•••• ${trimmed.slice(-4)}`
}

/** CENTAGATE `tokenList` types (API.md 2.20, page 1651). */
const smsTokenType = '1'
const otpTokenType = '2'
/**
 * Token statuses that are not in use, read like `token/getStatus` ("1" pending, "3"-"5"
 * deactivated or suspended): API.md does not list `tokenList` statuses, so anything else counts.
 */
const unusableStatuses: ReadonlySet<string> = new Set(['1', '3', '4', '5'])
const usable = (status: string | undefined) => status === undefined || !unusableStatuses.has(status)

/** The masked targets in a `user/auth/list` answer. */
export function targetsFromAuthList(list: AuthListPayload): MethodTargets {
  const targets: MethodTargets = {}
  const tokens = list.tokenList.filter((token) => usable(token.status))
  // CENTAGATE registers an SMS "token" with the phone number as its serial (registerActiveToken).
  const phones = tokens.filter((token) => token.type === smsTokenType)
  if (phones.length === 1 && phones[0] !== undefined) {
    const masked = maskPhone(phones[0].sn)
    if (masked !== '••••') targets.sms = masked
  }
  // One OTP token: it is the one to pick up. Several (a soft token too): no guess.
  const otpTokens = tokens.filter((token) => token.type === otpTokenType)
  if (otpTokens.length === 1 && otpTokens[0] !== undefined) {
    const masked = maskTokenSerial(otpTokens[0].sn)
    if (masked !== undefined) targets.challenge = masked
  }
  return targets
}

/** Why the targets could not be learnt, without user data (a code, never a message). */
function failureReason(error: unknown): string {
  if (error instanceof KitFailure) return error.code
  if (error instanceof Error && error.message === 'wait') return 'slow'
  if (error instanceof CentagateCodeError) return `centagate_${error.code}`
  return 'error'
}

/**
 * The user's masked method targets, or none when there is nothing to learn or it cannot be
 * learnt (targets off, no admin account, CENTAGATE refused or timed out): a hint is never a
 * reason to fail a login. Call only once the user is known to be who they claim.
 */
export async function learnMethodTargets(
  context: RouteContext,
  username: string,
  methods: readonly KitMethod[],
): Promise<MethodTargets | undefined> {
  const { runtime } = context
  if (!runtime.methodTargets) return undefined
  if (!methods.some((method) => method === 'sms' || method === 'challenge')) return undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    const listed = runtime.admin.withCenToken((cenToken, adminUsername) =>
      runtime.client.userAuthList({ username, cenToken }, { adminUsername }),
    )
    listed.catch(() => undefined)
    // A hint is not worth a slow login: past the wait the login goes on (the call ends by itself
    // at the upstream timeout, its answer unused).
    const waited = new Promise<typeof tooSlow>((resolve) => {
      timer = setTimeout(() => resolve(tooSlow), targetsWaitMs)
    })
    const list = await Promise.race([listed, waited])
    if (list === tooSlow) {
      unavailable(context, 'slow')
      return undefined
    }
    const targets = targetsFromAuthList(list)
    return Object.keys(targets).length === 0 ? undefined : targets
  } catch (error) {
    unavailable(context, failureReason(error))
    return undefined
  } finally {
    clearTimeout(timer)
  }
}

const tooSlow = Symbol('too slow')

/** One line per flow start without targets: the request and a reason code, no user data. */
function unavailable(context: RouteContext, reason: string): void {
  context.runtime.logger.warn('method targets unavailable', {
    requestId: context.requestId,
    reason,
  })
}

/** The method choice's entry for `method`: the method and, when the flow knows it, its target. */
export function methodOption(
  flow: Pick<FlowState, 'deviceName' | 'targets'>,
  method: KitMethod,
): { method: KitMethod; hint?: string } {
  const hint = appMethods.has(method)
    ? flow.deviceName
    : method === 'sms' || method === 'challenge'
      ? flow.targets?.[method]
      : undefined
  return hint ? { method, hint: hint.slice(0, hintMaxLength) } : { method }
}
