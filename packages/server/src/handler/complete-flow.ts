/**
 * What happens after CENTAGATE accepted a factor: either another factor is required (new flow id,
 * rotated authToken) or the flow is complete (cookie cleared, receipt issued for a step-up, the
 * app's `onAuthenticated` hook called).
 */
import {
  type AuthResultPayload,
  type FlowResponse,
  type KitMethod,
  type TransactionView,
  kitMethodsFromAuthMethods,
} from '@centagate-kit/protocol'
import { randomId } from '../encoding'
import { cookieMode, serializeCookie } from '../flow/cookies'
import type { FlowState } from '../flow/flow-state'
import { KitFailure } from '../http/kit-failure'
import { receiptCookieBaseName, signReceipt } from '../receipts/step-up-receipt'
import { rememberCentagateSession } from '../session/centagate-session-cookie'
import { type RouteContext, logUser, clearFlow, saveFlow } from './runtime'

/** A factor-required response for a flow. */
export function factorRequired(
  context: RouteContext,
  flow: FlowState,
  transaction?: TransactionView,
): FlowResponse {
  return {
    status: 'factor_required',
    flow: flow.flow,
    methods: flow.methods.map((method) => ({ method })),
    ...(transaction === undefined ? {} : { transaction }),
    flowExpiresAt: flow.expiresAt,
    serverTime: context.now,
  }
}

/** Reads a login-mode authentication result (authSmsOtp, authCrOtp, authQrCode, statecheck). */
export async function continueAfterAuthResult(
  context: RouteContext,
  flow: FlowState,
  method: KitMethod,
  result: AuthResultPayload,
): Promise<FlowResponse> {
  if (result.multiStepAuth === 'blocked') throw new KitFailure('rejected')
  if (result.secretCode.length > 0) return completeFlow(context, flow, method, result)
  if (result.multiStepAuth === 'true') {
    const methods = kitMethodsFromAuthMethods(result.authMethods).filter(
      (candidate) => candidate !== method,
    )
    if (methods.length === 0) throw new KitFailure('not_enrolled')
    const next: FlowState = {
      ...flow,
      fid: randomId(),
      step: 'choose_method',
      authToken: result.authToken,
      methods,
    }
    delete next.challenge
    await saveFlow(context, next)
    return factorRequired(context, next)
  }
  // No secretCode and no further step: not a completed login. Fail closed.
  context.runtime.logger.warn('auth result without secretCode or next step', { method })
  throw new KitFailure('upstream_bad_response')
}

/**
 * Completes a flow: clears the cookie, issues the step-up receipt, calls `onAuthenticated`. A
 * login's final CENTAGATE result (`upstream`) is kept for `kit.logout(request)`.
 */
export async function completeFlow(
  context: RouteContext,
  flow: FlowState,
  method: KitMethod | 'password',
  upstream?: AuthResultPayload,
): Promise<FlowResponse> {
  const { runtime, now } = context
  await runtime.limiter.recordSuccess(flow.username)
  clearFlow(context)
  if (flow.flow === 'login' && upstream !== undefined) {
    await rememberCentagateSession(context, flow.username, upstream)
  }
  let receipt: { expiresAt: number; transactionId?: string } | undefined
  if (flow.flow === 'stepup') {
    const ttl = runtime.config.receiptTtlSeconds ?? 300
    const exp = Math.floor(now / 1000) + ttl
    const token = await signReceipt(await runtime.receiptKey, {
      sub: flow.username,
      amr: method,
      auth_time: Math.floor(now / 1000),
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
      authTime: now,
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
    authTime: now,
    ...(receipt === undefined ? {} : { receipt }),
    ...(app === undefined ? {} : { app }),
    serverTime: now,
  }
}
