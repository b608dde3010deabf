/**
 * The per-method routes: send a code (SMS, CR challenge, QR), verify it, poll a QR. Login and
 * step-up without a transaction use CENTAGATE's login calls; a step-up with a transaction uses the
 * transaction-signing calls with the SERVER's transaction (from the flow cookie, which got it from
 * `getTransaction`), never anything the browser sent.
 */
import {
  type AuthResultPayload,
  type ChallengeSendResponse,
  type FlowResponse,
  type KitMethod,
  type QrSendResponse,
  type QrStatusResponse,
  type SmsSendResponse,
  maskPhone,
} from '@centagate-kit/protocol'
import { CentagateCodeError } from '../centagate-client/errors'
import { base64Utf8, randomId } from '../encoding'
import type { FlowChallenge, FlowState } from '../flow/flow-state'
import { KitFailure, failureFromUpstream } from '../http/kit-failure'
import { continueAfterAuthResult, completeFlow } from './complete-flow'
import { recordAuthFailure } from './attempts'
import { enforceActor, enforceSendLimit } from './guards'
import { type RouteContext, logUser, contextFields, requireFlow, saveFlow } from './runtime'

const maxCodeLifetimeMs = 600_000
const qrPollAfterMs = 2_000

function flowForMethod(context: RouteContext, method: KitMethod): FlowState {
  const flow = requireFlow(context)
  if (flow.step === 'enrol') throw new KitFailure('flow_step_invalid')
  if (!flow.methods.includes(method)) throw new KitFailure('method_unavailable')
  return flow
}

function newChallenge(
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

async function storeChallenge(context: RouteContext, flow: FlowState, challenge: FlowChallenge) {
  const next: FlowState = { ...flow, step: 'awaiting_code', challenge }
  await saveFlow(context, next)
  return next
}

// ------------------------------------------------------------------------------------------------
// Send

export async function smsSend(context: RouteContext): Promise<SmsSendResponse> {
  const { runtime } = context
  const flow = flowForMethod(context, 'sms')
  await enforceActor(context, flow.username)
  // Reserved BEFORE the upstream call: a double click never sends two SMS.
  const reservation = await runtime.limiter.reserveSms(flow.username)
  if (!reservation.ok) throw new KitFailure('rate_limited', { retryAt: reservation.retryAt })
  await enforceSendLimit(context, 'sms', flow.username)
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
    if (error instanceof CentagateCodeError && error.code === '23002') {
      throw new KitFailure(
        'rate_limited',
        { returnCode: '23002', retryAt: reservation.resendAvailableAt },
        'centagate.sms_otp_wait',
      )
    }
    throw error
  }
  const lifetime =
    payload?.timeout === undefined ? runtime.limits.challengeTtlMs : payload.timeout * 1000
  const challenge = newChallenge(context, 'sms', lifetime)
  await storeChallenge(context, flow, challenge)
  return {
    status: 'sent',
    method: 'sms',
    maskedPhone: payload?.phone === undefined ? '••••' : maskPhone(payload.phone),
    expiresAt: challenge.expiresAt,
    resendAvailableAt: reservation.resendAvailableAt,
    sendsLeft: reservation.sendsLeft,
    attemptsLeft: runtime.limits.challengeMaxFailures,
    serverTime: context.now,
  }
}

export async function challengeSend(context: RouteContext): Promise<ChallengeSendResponse> {
  const { runtime } = context
  const flow = flowForMethod(context, 'challenge')
  await enforceActor(context, flow.username)
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
  await storeChallenge(context, flow, challenge)
  return {
    status: 'sent',
    method: 'challenge',
    challenge: payload.otpChallenge,
    expiresAt: challenge.expiresAt,
    attemptsLeft: runtime.limits.challengeMaxFailures,
    serverTime: context.now,
  }
}

export async function qrSend(context: RouteContext): Promise<QrSendResponse> {
  const { runtime } = context
  const flow = flowForMethod(context, 'qr')
  await enforceActor(context, flow.username)
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
  // requestQrCode rotates the authToken: statecheck and authQrCode use the new one.
  await storeChallenge(context, { ...flow, authToken: payload.authToken }, challenge)
  return {
    status: 'sent',
    method: 'qr',
    qrValue: payload.qrCode,
    manualCode: payload.otpChallenge,
    expiresAt: challenge.expiresAt,
    pollAfterMs: qrPollAfterMs,
    attemptsLeft: runtime.limits.challengeMaxFailures,
    serverTime: context.now,
  }
}

// ------------------------------------------------------------------------------------------------
// Verify

type VerifyOutcome = { kind: 'auth'; result: AuthResultPayload } | { kind: 'transaction' }

/**
 * The common verification procedure: refuse locally what can be refused (lock, expiry, used or
 * exhausted challenge, concurrent attempt) with 0 upstream calls; one upstream attempt; count a
 * wrong code everywhere; consume the challenge on success so a replay cannot win twice.
 */
async function verifyWith(
  context: RouteContext,
  method: KitMethod,
  upstream: (flow: FlowState, challenge: FlowChallenge) => Promise<VerifyOutcome>,
): Promise<FlowResponse> {
  const { runtime } = context
  const flow = flowForMethod(context, method)
  const challenge = flow.challenge
  if (flow.step !== 'awaiting_code' || challenge === undefined || challenge.method !== method) {
    throw new KitFailure('flow_step_invalid')
  }
  await enforceActor(context, flow.username)
  if (challenge.expiresAt <= context.now) throw new KitFailure('otp_expired')
  if (await runtime.limiter.isChallengeConsumed(challenge.id))
    throw new KitFailure('flow_step_invalid')
  if ((await runtime.limiter.attemptsLeft(challenge.id)) === 0) {
    throw new KitFailure('challenge_locked', { attemptsLeft: 0 })
  }
  if (!(await runtime.limiter.lockChallenge(challenge.id, runtime.upstreamTimeoutMs + 5_000))) {
    throw new KitFailure('flow_step_invalid', {}, 'kit.verification_in_progress')
  }
  let outcome: VerifyOutcome
  try {
    outcome = await upstream(flow, challenge)
  } catch (error) {
    await runtime.limiter.unlockChallenge(challenge.id)
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
        throw new KitFailure('locked', { lockedUntil: counted.lockedUntil, returnCode: error.code })
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
  // Exactly one caller consumes the challenge; the lock above makes a second impossible anyway.
  if (!(await runtime.limiter.consumeChallenge(challenge.id))) {
    throw new KitFailure('flow_step_invalid')
  }
  await runtime.limiter.unlockChallenge(challenge.id)
  if (outcome.kind === 'transaction') return completeFlow(context, flow, method)
  return continueAfterAuthResult(context, flow, method, outcome.result)
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

// ------------------------------------------------------------------------------------------------
// QR status polling

export async function qrStatus(context: RouteContext): Promise<QrStatusResponse> {
  const { runtime, now } = context
  const flow = flowForMethod(context, 'qr')
  const challenge = flow.challenge
  if (flow.step !== 'awaiting_code' || challenge?.method !== 'qr') {
    throw new KitFailure('flow_step_invalid')
  }
  await enforceActor(context, flow.username)
  const deadline = Math.min(challenge.expiresAt, challenge.issuedAt + runtime.limits.qrMaxWaitMs)
  if (now >= deadline) return { status: 'expired', serverTime: now }
  if (await runtime.limiter.isChallengeConsumed(challenge.id))
    throw new KitFailure('flow_step_invalid')
  const pending = (pollAfterMs: number): QrStatusResponse => {
    context.headers.set('retry-after', String(Math.ceil(pollAfterMs / 1000)))
    return { status: 'pending', expiresAt: deadline, pollAfterMs, serverTime: now }
  }
  // At most about one statecheck per second per flow, whatever the browser does.
  if (!(await runtime.limiter.claimPoll(challenge.id))) {
    return pending(runtime.limits.qrMinPollIntervalMs)
  }
  let result
  try {
    result = await runtime.client.statecheck({
      username: flow.username,
      authMethod: 'QRCODE',
      authToken: flow.authToken,
      ...contextFields(context),
    })
  } catch (error) {
    if (error instanceof CentagateCodeError && error.code === '23007') return pending(qrPollAfterMs)
    if (error instanceof CentagateCodeError && error.code === '23026') {
      return { status: 'rejected', serverTime: now }
    }
    throw error
  }
  if (!(await runtime.limiter.lockChallenge(challenge.id, runtime.upstreamTimeoutMs + 5_000))) {
    throw new KitFailure('flow_step_invalid', {}, 'kit.verification_in_progress')
  }
  if (!(await runtime.limiter.consumeChallenge(challenge.id)))
    throw new KitFailure('flow_step_invalid')
  if (flow.transaction !== undefined) return completeFlow(context, flow, 'qr')
  return continueAfterAuthResult(context, flow, 'qr', result)
}
