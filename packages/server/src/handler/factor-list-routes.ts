/**
 * The user's own factors (`factors/list`, `factors/remove`): what CENTAGATE binds to the
 * identified user (`user/auth/list`; `token/getStatus` for an app activation under way), shown as
 * safe labels (masked phone, token serial, device name), and their removal
 * (`token/unregisterActiveToken`). Removing is a factor change (fresh step-up), and the last
 * usable factor is never removed (409 `last_factor`); a pending authenticator or app activation
 * is not a factor and goes without either.
 */
import {
  type FactorSummary,
  type FactorsListResponse,
  type FactorsRemoveResponse,
  type KitRequest,
  maskPhone,
} from '@centagate-kit/protocol'
import { KitFailure } from '../http/kit-failure'
import { allowFactorChange, notifyFactorChanged } from './factor-change'
import { factorUser } from './factor-user'
import { enforceSendLimit } from './guards'
import {
  adminCallsOf,
  authenticatorPending,
  clearAuthenticatorMarkers,
  sweepAbandonedAuthenticator,
} from './pending-authenticator'
import type { RouteContext } from './runtime'

type Factor = Omit<FactorSummary, 'blockedBy'>

/** The user's factors, pending ones included, without the last-factor rule applied. */
async function readFactors(context: RouteContext, username: string): Promise<Factor[]> {
  const admin = adminCallsOf(context)
  const list = await admin.listFactors(username)
  const tokenPending = await authenticatorPending(context, username)
  const factors: Factor[] = []
  for (const token of list.tokenList) {
    // `user/auth/list` types: "1" the SMS number, "2" the OTP token slot.
    if (token.type === '1') {
      factors.push({ slot: 'sms', kind: 'sms', label: maskPhone(token.sn), status: 'active' })
    } else {
      const status = tokenPending ? 'pending' : 'active'
      factors.push({ slot: 'token', kind: 'token', label: token.sn, status })
    }
  }
  if (list.device) {
    const label = list.device.name ?? list.device.model ?? ''
    factors.push({ slot: 'mobile', kind: 'app', label: label.slice(0, 128), status: 'active' })
  } else if ((await admin.factorStatus(username, 'mobile')).status === 'pending') {
    factors.push({ slot: 'mobile', kind: 'app', label: '', status: 'pending' })
  }
  return factors
}

/** The last active factor cannot be removed. */
function withRemovability(factors: Factor[]): FactorSummary[] {
  const active = factors.filter((factor) => factor.status === 'active').length
  return factors.map((factor) =>
    factor.status === 'active' && active <= 1 ? { ...factor, blockedBy: 'last_factor' } : factor,
  )
}

export async function factorsList(
  context: RouteContext,
  _input: KitRequest<'factors/list'>,
): Promise<FactorsListResponse> {
  const { username } = await factorUser(context)
  await sweepAbandonedAuthenticator(context, username)
  const factors = withRemovability(await readFactors(context, username))
  return { factors, serverTime: context.now }
}

export async function factorsRemove(
  context: RouteContext,
  input: KitRequest<'factors/remove'>,
): Promise<FactorsRemoveResponse> {
  const { username } = await factorUser(context)
  await sweepAbandonedAuthenticator(context, username)
  const factor = withRemovability(await readFactors(context, username)).find(
    (candidate) => candidate.slot === input.slot,
  )
  if (factor === undefined) throw new KitFailure('invalid_input', { fields: ['slot'] })
  if (factor.blockedBy === 'last_factor') throw new KitFailure('last_factor')
  await enforceSendLimit(context, 'factor', username)
  // A pending authenticator or activation is not a factor: withdrawing it needs no step-up.
  const allowance =
    factor.status === 'pending'
      ? null
      : await allowFactorChange(context, username, { firstFactor: false })
  await adminCallsOf(context).unregisterFactor(username, input.slot)
  if (input.slot === 'token') await clearAuthenticatorMarkers(context, username)
  if (allowance !== null) {
    await notifyFactorChanged(context, {
      change: 'removed',
      kind: factor.kind,
      label: factor.label,
      username,
      allowedBy: allowance.allowedBy,
    })
  }
  return { status: 'removed', slot: input.slot, serverTime: context.now }
}
