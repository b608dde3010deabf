/**
 * `qr/status` and `push/status`: whether the user approved the QR or the push in the CENTAGATE app
 * (`session/statecheck` with `QRCODE` or `PUSH`). A poll never queues behind another request of
 * its flow (a verify, a new QR or push): it answers `pending` at once and asks CENTAGATE nothing,
 * so it can neither use a token that request is rotating nor throw away an approval. At most
 * about one `statecheck` per flow per `qrMinPollIntervalMs`, whatever the browser does.
 */
import { type QrStatusResponse, statecheckAuthMethod } from '@centagate-kit/protocol'
import { CentagateCodeError } from '../centagate-client/errors'
import type { FlowChallenge, LiveFlow } from '../flow/flow-state'
import { KitFailure } from '../http/kit-failure'
import { acceptFactor, answerCompletion } from './complete-flow'
import { qrPollAfterMs } from './factor-routes'
import { factorFlow, requireMethod, workOnFlow } from './flow-work'
import { enforceActor } from './guards'
import { type RouteContext, contextFields } from './runtime'

/** The methods the user approves in the app while the browser polls. */
type ApprovalMethod = keyof typeof statecheckAuthMethod

/** The pending challenge of `method` in a flow, or `flow_step_invalid`. */
function pendingChallenge(flow: LiveFlow, method: ApprovalMethod): FlowChallenge {
  requireMethod(flow, method)
  if (flow.challenge?.method !== method) throw new KitFailure('flow_step_invalid')
  return flow.challenge
}

async function approvalStatus(
  context: RouteContext,
  method: ApprovalMethod,
): Promise<QrStatusResponse> {
  const { runtime, now } = context
  const facts = factorFlow(context)
  await enforceActor(context, facts.username)
  const deadlineOf = (challenge: FlowChallenge) =>
    Math.min(challenge.expiresAt, challenge.issuedAt + runtime.limits.qrMaxWaitMs)
  const pending = (deadline: number, pollAfterMs: number): QrStatusResponse => {
    context.headers.set('retry-after', String(Math.ceil(pollAfterMs / 1000)))
    return { status: 'pending', expiresAt: deadline, pollAfterMs, serverTime: now }
  }

  return workOnFlow(
    context,
    facts,
    async (flow, held) => {
      const { record } = held
      if (record.completed !== undefined) {
        return {
          answer: await answerCompletion(context, flow, { ...record, completed: record.completed }),
          next: null,
        }
      }
      const challenge = pendingChallenge(flow, method)
      const deadline = deadlineOf(challenge)
      if (now >= deadline) return { answer: { status: 'expired', serverTime: now } }
      const { polledAt } = held.record
      if (polledAt !== undefined && now - polledAt < runtime.limits.qrMinPollIntervalMs) {
        return { answer: pending(deadline, runtime.limits.qrMinPollIntervalMs) }
      }
      const polled = { ...held.record, polledAt: now }
      let result
      try {
        result = await runtime.client.statecheck({
          username: flow.username,
          authMethod: statecheckAuthMethod[method],
          authToken: flow.authToken,
          ...contextFields(context),
        })
      } catch (error) {
        if (error instanceof CentagateCodeError && error.code === '23007') {
          return { answer: pending(deadline, qrPollAfterMs), next: polled }
        }
        if (error instanceof CentagateCodeError && error.code === '23026') {
          return { answer: { status: 'rejected' as const, serverTime: now }, next: polled }
        }
        // A failed statecheck counts towards the polling rate too.
        await held.release(polled)
        throw error
      }
      // Approved: statecheck rotated the token, and CENTAGATE says so only once.
      return acceptFactor(
        context,
        flow,
        held,
        method,
        flow.transaction === undefined ? result : undefined,
      )
    },
    // Another request of the flow is at work: poll again shortly.
    (flow) => {
      // Being answered by that request (its accepted factor): nothing to poll for.
      if (flow.completed !== undefined) {
        return pending(flow.expiresAt, runtime.limits.qrMinPollIntervalMs)
      }
      const challenge = pendingChallenge(flow, method)
      const deadline = deadlineOf(challenge)
      if (now >= deadline) return { status: 'expired', serverTime: now }
      return pending(deadline, runtime.limits.qrMinPollIntervalMs)
    },
  )
}

/** `qr/status`: the QR signing approval. */
export const qrStatus = (context: RouteContext) => approvalStatus(context, 'qr')

/** `push/status`: the push approval. */
export const pushStatus = (context: RouteContext) => approvalStatus(context, 'push')
