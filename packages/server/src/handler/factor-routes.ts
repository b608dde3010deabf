/**
 * The per-method routes: send a code (SMS, CR challenge, QR) and verify it
 * (`approval-status-route.ts` polls a QR or a push; `push-routes.ts` and `app-otp-routes.ts` build
 * on `sendOn` and `verifyWith` here). Login and step-up without a transaction use CENTAGATE's login calls; a step-up with
 * a transaction uses the transaction-signing calls with the SERVER's transaction (from the flow
 * cookie, which got it from `getTransaction`), never anything the browser sent. Each route works
 * on the flow's newest record, one request of a flow at a time (`flow-work.ts`), so every call
 * carries the newest authToken.
 */
import {
  type AuthResultPayload,
  type ChallengeSendResponse,
  type FlowResponse,
  type KitMethod,
  type QrSendResponse,
  type SmsSendResponse,
  maskPhone,
} from '@centagate-kit/protocol'
import { CentagateCodeError } from '../centagate-client/errors'
import { base64Utf8, randomId } from '../encoding'
import type { FlowChallenge, FlowRecord, LiveFlow } from '../flow/flow-state'
import { KitFailure, failureFromUpstream } from '../http/kit-failure'
import { acceptFactor, answerCompletion } from './complete-flow'
import { type FlowWork, factorFlow, requireMethod, workOnFlow } from './flow-work'
import { recordAuthFailure } from './attempts'
import { enforceActor, enforceSendLimit, giveBackSend } from './guards'
import { type RouteContext, logUser, contextFields } from './runtime'

const maxCodeLifetimeMs = 600_000
export const qrPollAfterMs = 2_000

export function newChallenge(
  context: RouteContext,
  method: KitMethod,
  lifetimeMs: number,
  extra: Partial<FlowChallenge> = {},
): FlowChallenge {
  return {
    id: randomId(),
    method,
    issuedAt: context.now,
    expiresAt: context.now + Math.min(lifetimeMs, maxCodeLifetimeMs),
    ...extra,
  }
}

/**
 * Runs a send on the flow: refused while an accepted factor waits to be answered; the new
 * challenge (and whatever else `send` changed) is the record it leaves. A send whose record could
 * not be kept (the flow was cancelled meanwhile) answers `no_flow`.
 */
export async function sendOn<T>(
  context: RouteContext,
  method: KitMethod,
  send: (flow: LiveFlow) => Promise<{ answer: T; next: FlowRecord }>,
): Promise<T> {
  const facts = factorFlow(context)
  await enforceActor(context, facts.username)
  return workOnFlow(context, facts, async (flow, held): Promise<FlowWork<T>> => {
    if (held.record.completed !== undefined) throw new KitFailure('flow_step_invalid')
    requireMethod(flow, method)
    return { ...(await send(flow)), ifLost: 'no_flow' }
  })
}

// ------------------------------------------------------------------------------------------------
// Send

export function smsSend(context: RouteContext): Promise<SmsSendResponse> {
  return sendOn(context, 'sms', async (flow) => {
    const { runtime } = context
    // Reserved BEFORE the upstream call: a double click never sends two SMS. The address's and
    // the deployment's budgets first (a flood from one address never spends the user's quota).
    await enforceSendLimit(context, 'sms', flow.username)
    const reservation = await runtime.limiter.reserveSms(flow.username)
    if (!reservation.ok) {
      await giveBackSend(context, 'sms', flow.username)
      throw new KitFailure('rate_limited', { retryAt: reservation.retryAt })
    }
    const common = { username: flow.username, authToken: flow.authToken, ...contextFields(context) }
    let payload: { phone?: string | undefined; timeout?: number | undefined } | undefined
    try {
      payload =
        flow.transaction === undefined
          ? await runtime.client.requestSmsOtp(common)
          : await runtime.client.requestSmsTransOtp({
              ...common,
              details: flow.transaction.summary,
              transactionId: flow.transaction.id,
            })
    } catch (error) {
      if (error instanceof CentagateCodeError) {
        // CENTAGATE refused: no SMS went out, so the quota is not spent (23002: it asks to wait).
        const wait = error.code === '23002'
        await runtime.limiter.releaseSms(flow.username, { keepCooldown: wait })
        await giveBackSend(context, 'sms', flow.username)
        if (wait) {
          throw new KitFailure(
            'rate_limited',
            { returnCode: '23002', retryAt: reservation.resendAvailableAt },
            'centagate.sms_otp_wait',
          )
        }
      }
      throw error
    }
    const lifetime =
      payload?.timeout === undefined ? runtime.limits.challengeTtlMs : payload.timeout * 1000
    const challenge = newChallenge(context, 'sms', lifetime)
    return {
      next: { authToken: flow.authToken, methods: flow.methods, challenge },
      answer: {
        status: 'sent',
        method: 'sms',
        maskedPhone: payload?.phone === undefined ? '••••' : maskPhone(payload.phone),
        expiresAt: challenge.expiresAt,
        resendAvailableAt: reservation.resendAvailableAt,
        sendsLeft: reservation.sendsLeft,
        attemptsLeft: runtime.limits.challengeMaxFailures,
        serverTime: context.now,
      },
    }
  })
}

export function challengeSend(context: RouteContext): Promise<ChallengeSendResponse> {
  return sendOn(context, 'challenge', async (flow) => {
    const { runtime } = context
    await enforceSendLimit(context, 'challenge', flow.username)
    const common = { username: flow.username, authToken: flow.authToken, ...contextFields(context) }
    const payload =
      flow.transaction === undefined
        ? // The hardware token answers (otpType "offline"); devAccId would name the phone
          // (defAccId is the mobile device's account), so it is not sent.
          await runtime.client.requestOtpChallenge({ ...common, otpType: 'offline' })
        : await runtime.client.requestTransactionSigningChallenge({
            ...common,
            details: flow.transaction.summary,
            transactionId: flow.transaction.id,
          })
    if (payload.otpChallenge.length > 32) throw new KitFailure('upstream_bad_response')
    const challenge = newChallenge(context, 'challenge', runtime.limits.challengeTtlMs, {
      challenge: payload.otpChallenge,
    })
    return {
      next: { authToken: flow.authToken, methods: flow.methods, challenge },
      answer: {
        status: 'sent',
        method: 'challenge',
        challenge: payload.otpChallenge,
        expiresAt: challenge.expiresAt,
        attemptsLeft: runtime.limits.challengeMaxFailures,
        serverTime: context.now,
      },
    }
  })
}

export function qrSend(context: RouteContext): Promise<QrSendResponse> {
  return sendOn(context, 'qr', async (flow) => {
    const { runtime } = context
    await enforceSendLimit(context, 'qr', flow.username)
    const text = flow.transaction?.summary ?? runtime.config.qrLoginText ?? 'Sign in'
    const payload = await runtime.client.requestQrCode({
      username: flow.username,
      ...(flow.devAccId === undefined ? {} : { devAccId: flow.devAccId }),
      details: base64Utf8(text),
      authToken: flow.authToken,
      ...contextFields(context),
    })
    if (payload.qrCode.length > 2048 || payload.otpChallenge.length > 32) {
      throw new KitFailure('upstream_bad_response')
    }
    const lifetime = Math.min(runtime.limits.challengeTtlMs, runtime.limits.qrMaxWaitMs)
    const challenge = newChallenge(context, 'qr', lifetime, {
      challenge: payload.otpChallenge,
      plainText: payload.plainText,
    })
    return {
      // requestQrCode rotates the authToken: statecheck and authQrCode use the new one.
      next: { authToken: payload.authToken, methods: flow.methods, challenge },
      answer: {
        status: 'sent',
        method: 'qr',
        qrValue: payload.qrCode,
        manualCode: payload.otpChallenge,
        expiresAt: challenge.expiresAt,
        pollAfterMs: qrPollAfterMs,
        attemptsLeft: runtime.limits.challengeMaxFailures,
        serverTime: context.now,
      },
    }
  })
}

// ------------------------------------------------------------------------------------------------
// Verify

/** What CENTAGATE said to a right code: a login-mode result, or a signed transaction. */
export type VerifyOutcome = { kind: 'auth'; result: AuthResultPayload } | { kind: 'transaction' }

/**
 * The common verification procedure, holding the flow: an accepted factor not yet answered is
 * answered now; refuse locally what can be refused (lock, expiry, exhausted challenge) with 0
 * upstream calls; one upstream attempt; count a wrong code everywhere; on success the challenge
 * leaves the record, so a replay cannot win twice.
 */
export async function verifyWith(
  context: RouteContext,
  method: KitMethod,
  upstream: (flow: LiveFlow, challenge: FlowChallenge) => Promise<VerifyOutcome>,
): Promise<FlowResponse> {
  const { runtime } = context
  const facts = factorFlow(context)
  await enforceActor(context, facts.username)
  return workOnFlow(context, facts, async (flow, held): Promise<FlowWork<FlowResponse>> => {
    const { record } = held
    if (record.completed !== undefined) {
      return {
        answer: await answerCompletion(context, flow, { ...record, completed: record.completed }),
        next: null,
      }
    }
    requireMethod(flow, method)
    const challenge = flow.challenge
    if (challenge === undefined || challenge.method !== method) {
      throw new KitFailure('flow_step_invalid')
    }
    if (challenge.expiresAt <= context.now) throw new KitFailure('otp_expired')
    if ((await runtime.limiter.attemptsLeft(challenge.id)) === 0) {
      throw new KitFailure('challenge_locked', { attemptsLeft: 0 })
    }
    let outcome: VerifyOutcome
    try {
      outcome = await upstream(flow, challenge)
    } catch (error) {
      if (error instanceof CentagateCodeError && error.category === 'credentials') {
        const counted = await recordAuthFailure(context, {
          username: flow.username,
          challengeId: challenge.id,
        })
        runtime.logger.info('verification failed', {
          requestId: context.requestId,
          user: await logUser(runtime, flow.username),
          method,
          returnCode: error.code,
          outcome: 'failure',
        })
        if (counted.lockedUntil !== undefined) {
          throw new KitFailure('locked', {
            lockedUntil: counted.lockedUntil,
            returnCode: error.code,
          })
        }
        const mapped = failureFromUpstream(error)
        throw new KitFailure(
          'otp_invalid',
          { returnCode: error.code, attemptsLeft: counted.attemptsLeft ?? 0 },
          mapped.messageKey,
        )
      }
      throw error
    }
    return acceptFactor(
      context,
      flow,
      held,
      method,
      outcome.kind === 'auth' ? outcome.result : undefined,
    )
  })
}

export function smsVerify(context: RouteContext, input: { code: string }) {
  return verifyWith(context, 'sms', async (flow) => {
    const common = { username: flow.username, authToken: flow.authToken, ...contextFields(context) }
    if (flow.transaction === undefined) {
      return {
        kind: 'auth',
        result: await context.runtime.client.authSmsOtp({ ...common, smsOtp: input.code }),
      }
    }
    await context.runtime.client.authoriseSmsTrans(
      {
        ...common,
        transactionId: flow.transaction.id,
        details: flow.transaction.summary,
        smsOtp: input.code,
      },
      { username: flow.username },
    )
    return { kind: 'transaction' }
  })
}

export function challengeVerify(context: RouteContext, input: { response: string }) {
  return verifyWith(context, 'challenge', async (flow, challenge) => {
    const common = { username: flow.username, authToken: flow.authToken, ...contextFields(context) }
    if (flow.transaction === undefined) {
      return {
        kind: 'auth',
        result: await context.runtime.client.authCrOtp({
          ...common,
          crOtp: input.response,
          otpType: 'offline',
          challenge: challenge.challenge ?? '',
        }),
      }
    }
    await context.runtime.client.authTransactionSigningCrOtp({
      ...common,
      otp: input.response,
      details: flow.transaction.summary,
      transactionId: flow.transaction.id,
      challenge: challenge.challenge ?? '',
    })
    return { kind: 'transaction' }
  })
}

export function qrVerify(context: RouteContext, input: { otp: string }) {
  return verifyWith(context, 'qr', async (flow, challenge) => {
    const fields = {
      username: flow.username,
      ...(flow.devAccId === undefined ? {} : { devAccId: flow.devAccId }),
      otp: input.otp,
      challenge: challenge.challenge ?? '',
      details: base64Utf8(challenge.plainText ?? ''),
      authToken: flow.authToken,
      ...contextFields(context),
    }
    if (flow.transaction === undefined) {
      return { kind: 'auth', result: await context.runtime.client.authQrCode(fields) }
    }
    await context.runtime.client.authQRCode({
      ...fields,
      transactionValue: flow.transaction.value ?? '',
      isTransaction: '1',
    })
    return { kind: 'transaction' }
  })
}
