/**
 * What happens after CENTAGATE accepted a factor: either another factor is required (the record
 * gets the rotated authToken and the methods left) or the flow is complete (recorded first, then
 * answered once: cookie cleared, receipt issued for a step-up, the app's `onAuthenticated` hook
 * called).
 */
import {
  type AuthResultPayload,
  type FlowResponse,
  type KitMethod,
  type TransactionView,
  kitMethodsFromAuthMethods,
  loginOnlyMethods,
} from '@centagate-kit/protocol'
import { randomId } from '../encoding'
import { cookieMode, serializeCookie } from '../flow/cookies'
import type { HeldFlow } from '../flow/flow-records'
import type { FlowRecord, FlowState, LiveFlow } from '../flow/flow-state'
import { KitFailure } from '../http/kit-failure'
import { receiptCookieBaseName, signReceipt } from '../receipts/step-up-receipt'
import { rememberCentagateSession } from '../session/centagate-session-cookie'
import { recordAuthSuccess } from './attempts'
import { methodOption } from './method-targets'
import type { FlowWork } from './flow-work'
import { type RouteContext, logUser, clearFlow } from './runtime'

/** What `kit.logout(request)` needs of a completed login: its newest authToken and lifetime. */
export type CentagateSession = Pick<AuthResultPayload, 'authToken' | 'sessionTimeout'>

/**
 * The kit methods offered for CENTAGATE's `authMethods`: all of them for a login or a plain
 * step-up, those with a transaction-signing call for a step-up with a transaction.
 */
export function offeredMethods(authMethods: readonly string[], signing: boolean): KitMethod[] {
  const methods = kitMethodsFromAuthMethods(authMethods)
  return signing ? methods.filter((method) => !loginOnlyMethods.includes(method)) : methods
}

/** A factor-required response for a flow. */
export function factorRequired(
  context: RouteContext,
  flow: FlowState & Pick<FlowRecord, 'methods'>,
  transaction?: TransactionView,
): FlowResponse {
  return {
    status: 'factor_required',
    flow: flow.flow,
    // Where each method reaches the user, when the flow knows it (method-targets.ts).
    methods: flow.methods.map((method) => methodOption(flow, method)),
    ...(transaction === undefined ? {} : { transaction }),
    flowExpiresAt: flow.expiresAt,
    serverTime: context.now,
  }
}

/** CENTAGATE's answer ends the flow: the record goes, then the refusal. */
async function endWith(held: HeldFlow, failure: KitFailure): Promise<never> {
  await held.release(null)
  throw failure
}

/**
 * CENTAGATE accepted `method`: `result` is the login-mode authentication result (authSmsOtp,
 * authCrOtp, authQrCode, statecheck); absent for a signed transaction, which completes the flow.
 */
export async function acceptFactor(
  context: RouteContext,
  flow: LiveFlow,
  held: HeldFlow,
  method: KitMethod,
  result?: AuthResultPayload,
): Promise<FlowWork<FlowResponse>> {
  if (result?.multiStepAuth === 'blocked') return endWith(held, new KitFailure('rejected'))
  if (result === undefined || result.secretCode.length > 0) {
    // Recorded before anything else can fail: if answering fails, the next verify or poll of the
    // flow answers it (CENTAGATE will not accept the same approval twice). A store that cannot
    // record it now is no reason not to try answering at once.
    const completed = {
      authToken: result?.authToken ?? flow.authToken,
      methods: flow.methods,
      completed: {
        method,
        at: context.now,
        ...(result?.sessionTimeout === undefined ? {} : { sessionTimeout: result.sessionTimeout }),
      },
    } satisfies FlowRecord
    await held.save(completed).catch(() => false)
    return { answer: await answerCompletion(context, flow, completed), next: null }
  }
  if (result.multiStepAuth === 'true') {
    const methods = offeredMethods(result.authMethods, flow.transaction !== undefined).filter(
      (candidate) => candidate !== method,
    )
    if (methods.length === 0) return endWith(held, new KitFailure('not_enrolled'))
    const next: FlowRecord = { authToken: result.authToken, methods }
    return { answer: factorRequired(context, { ...flow, ...next }), next, ifLost: 'no_flow' }
  }
  // No secretCode and no further step: not a completed login. Fail closed.
  context.runtime.logger.warn('auth result without secretCode or next step', { method })
  return endWith(held, new KitFailure('upstream_bad_response'))
}

/**
 * Gives the one `authenticated` answer of a completed flow (a second request of the flow gets
 * `no_flow`: the flow has ended). When answering fails the claim is given back, so the next
 * verify or poll can answer from the record.
 */
export async function answerCompletion(
  context: RouteContext,
  flow: FlowState,
  record: FlowRecord & { completed: NonNullable<FlowRecord['completed']> },
): Promise<FlowResponse> {
  const { flows } = context.runtime
  if (!(await flows.claimCompletion(flow.fid, flow.expiresAt))) throw new KitFailure('no_flow')
  const { method, at, sessionTimeout } = record.completed
  const session: CentagateSession = {
    authToken: record.authToken,
    ...(sessionTimeout === undefined ? {} : { sessionTimeout }),
  }
  try {
    return await completeFlow(context, flow, method, at, session)
  } catch (error) {
    await flows.unclaimCompletion(flow.fid).catch(() => undefined)
    throw error
  }
}

/**
 * Completes a flow: clears the cookie, issues the step-up receipt, calls `onAuthenticated`.
 * @param authTime when CENTAGATE accepted the factor (default: now)
 */
export async function completeFlow(
  context: RouteContext,
  flow: FlowState,
  method: KitMethod | 'password',
  authTime: number = context.now,
  session?: CentagateSession,
): Promise<FlowResponse> {
  const { runtime, now } = context
  await recordAuthSuccess(context, flow.username)
  clearFlow(context)
  if (flow.flow === 'login' && session !== undefined) {
    await rememberCentagateSession(context, flow.username, session)
  }
  let receipt: { expiresAt: number; transactionId?: string } | undefined
  if (flow.flow === 'stepup') {
    const ttl = runtime.config.receiptTtlSeconds ?? 300
    const exp = Math.floor(now / 1000) + ttl
    const token = await signReceipt(await runtime.receiptKey, {
      sub: flow.username,
      amr: method,
      auth_time: Math.floor(authTime / 1000),
      jti: randomId(),
      exp,
      ...(flow.transaction === undefined
        ? {}
        : { tid: flow.transaction.id, txh: flow.transaction.hash }),
    })
    const { secure, prefix } = cookieMode(context.request.url)
    context.headers.appendSetCookie(
      serializeCookie(prefix + receiptCookieBaseName, token, { secure, maxAge: ttl }),
    )
    receipt = {
      expiresAt: exp * 1000,
      ...(flow.transaction === undefined ? {} : { transactionId: flow.transaction.id }),
    }
  }
  let app: Record<string, unknown> | undefined
  if (runtime.config.onAuthenticated !== undefined) {
    let transaction: { view: TransactionView; value?: string } | undefined
    if (flow.transaction !== undefined && runtime.config.getTransaction !== undefined) {
      transaction =
        (await runtime.config.getTransaction(context.request.webRequest(), flow.transaction.id)) ??
        undefined
    }
    // The app gets a Web Headers (public API); what it sets is copied onto the answer.
    const appHeaders = new Headers()
    const returned = await runtime.config.onAuthenticated({
      flow: flow.flow,
      username: flow.username,
      method,
      authTime,
      ...(transaction === undefined ? {} : { transaction }),
      request: context.request.webRequest(),
      headers: appHeaders,
    })
    appHeaders.forEach((value, name) => {
      if (name !== 'set-cookie') context.headers.set(name, value)
    })
    for (const cookie of appHeaders.getSetCookie()) context.headers.appendSetCookie(cookie)
    if (returned !== undefined && returned !== null) app = returned
  }
  runtime.logger.info('authentication completed', {
    requestId: context.requestId,
    user: await logUser(runtime, flow.username),
    flow: flow.flow,
    method,
    outcome: 'success',
  })
  return {
    status: 'authenticated',
    flow: flow.flow,
    method,
    authTime,
    ...(receipt === undefined ? {} : { receipt }),
    ...(app === undefined ? {} : { app }),
    serverTime: now,
  }
}
