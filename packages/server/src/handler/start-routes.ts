/** `login/start` and `stepup/start`: who the user is, and which second factors they may use. */
import {
  type AuthResultPayload,
  type FlowResponse,
  type KitRequest,
  kitMethodsFromAuthMethods,
} from '@centagate-kit/protocol'
import { CentagateCodeError } from '../centagate-client/errors'
import { randomId } from '../encoding'
import type { FlowRecord, FlowState } from '../flow/flow-state'
import { KitFailure } from '../http/kit-failure'
import { transactionHash } from '../receipts/step-up-receipt'
import { appTransaction } from './app-transaction'
import { completeFlow, factorRequired, offeredMethods } from './complete-flow'
import { type RouteContext, logUser, contextFields, startFlow } from './runtime'
import { recordAuthFailure } from './attempts'
import { enforceActor, enforceSendLimit } from './guards'
import { learnMethodTargets } from './method-targets'

/** Return-code categories that all read as "invalid credentials" at login (no enumeration). */
const loginFailureCategories = new Set([
  'credentials',
  'user',
  'password',
  'locked',
  'rejected',
  'expired',
  'not_enrolled',
])

export async function loginStart(
  context: RouteContext,
  input: KitRequest<'login/start'>,
): Promise<FlowResponse> {
  const { runtime } = context
  const username = input.username
  await enforceActor(context, username)
  if (input.password === undefined && runtime.config.allowPasswordlessLogin !== true) {
    throw new KitFailure('invalid_input', { fields: ['password'] })
  }
  let result: AuthResultPayload
  try {
    result =
      input.password !== undefined
        ? await runtime.client.authBasic({
            username,
            password: input.password,
            ...contextFields(context),
          })
        : await runtime.client.adaptive({
            username,
            authResult: 'true',
            ...contextFields(context),
          })
  } catch (error) {
    if (
      error instanceof CentagateCodeError &&
      (loginFailureCategories.has(error.category) || error.code === '1')
    ) {
      const outcome = await recordAuthFailure(context, { username })
      runtime.logger.info('login failed', {
        requestId: context.requestId,
        user: await logUser(runtime, username),
        method: input.password === undefined ? 'adaptive' : 'password',
        returnCode: error.code,
        outcome: 'failure',
      })
      if (outcome.lockedUntil !== undefined) {
        throw new KitFailure('locked', { lockedUntil: outcome.lockedUntil })
      }
      throw new KitFailure('invalid_credentials')
    }
    throw error
  }
  if (result.multiStepAuth === 'blocked') throw new KitFailure('rejected')
  const flow: FlowState = {
    fid: randomId(),
    flow: 'login',
    step: 'factor',
    username,
    expiresAt: context.now + runtime.limits.flowTtlMs,
  }
  if (result.defAccId !== undefined && result.defAccId !== '') flow.devAccId = result.defAccId
  // Without a password anyone may type a username: the device name would tell them about it.
  if (input.password !== undefined && result.defDeviceName) flow.deviceName = result.defDeviceName
  if (input.password !== undefined && result.secretCode.length > 0) {
    // A password login CENTAGATE considers complete (no second factor configured).
    return completeFlow(context, flow, 'password', context.now, result)
  }
  const record: FlowRecord = {
    authToken: result.authToken,
    methods: kitMethodsFromAuthMethods(result.authMethods),
  }
  if (record.methods.length === 0) {
    if (input.password !== undefined) {
      // Password accepted but no usable factor: keep a flow so the user may enrol one.
      await startFlow(context, { ...flow, step: 'enrol' }, null)
      throw new KitFailure('not_enrolled')
    }
    throw new KitFailure('invalid_credentials')
  }
  // Only now: the password is checked (a passwordless start learns nothing about the user).
  if (input.password !== undefined) {
    const targets = await learnMethodTargets(context, username, record.methods)
    if (targets !== undefined) flow.targets = targets
  }
  await startFlow(context, flow, record)
  return factorRequired(context, { ...flow, ...record })
}

export async function stepUpStart(
  context: RouteContext,
  input: KitRequest<'stepup/start'>,
): Promise<FlowResponse> {
  const { runtime } = context
  const user =
    runtime.config.identify === undefined
      ? null
      : await runtime.config.identify(context.request.webRequest())
  if (user === null) throw new KitFailure('unauthenticated')
  await enforceActor(context, user.username)

  // Checked (display text) before anything is signed or sent.
  const transaction =
    input.transactionId === undefined
      ? undefined
      : await appTransaction(context, input.transactionId)
  // Spent by step-ups that go on to CENTAGATE (an unknown or invalid transaction costs nothing).
  await enforceSendLimit(context, 'stepup', user.username)

  const result = await runtime.client.adaptive({
    username: user.username,
    authResult: 'true',
    ...contextFields(context),
  })
  if (result.multiStepAuth === 'blocked') throw new KitFailure('rejected')
  const methods = offeredMethods(result.authMethods, transaction !== undefined)
  if (methods.length === 0) throw new KitFailure('not_enrolled')
  const flow: FlowState = {
    fid: randomId(),
    flow: 'stepup',
    step: 'factor',
    username: user.username,
    expiresAt: context.now + runtime.limits.flowTtlMs,
  }
  if (result.defAccId !== undefined && result.defAccId !== '') flow.devAccId = result.defAccId
  if (result.defDeviceName) flow.deviceName = result.defDeviceName
  if (transaction !== undefined) {
    flow.transaction = {
      id: transaction.view.id,
      summary: transaction.view.summary,
      ...(transaction.value === undefined ? {} : { value: transaction.value }),
      hash: await transactionHash(transaction.view.id, transaction.view.summary, transaction.value),
    }
  }
  const targets = await learnMethodTargets(context, user.username, methods)
  if (targets !== undefined) flow.targets = targets
  await startFlow(context, flow, { authToken: result.authToken, methods })
  return factorRequired(context, { ...flow, methods }, transaction?.view)
}
