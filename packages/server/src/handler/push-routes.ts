/**
 * `push/send`: a push to the user's CENTAGATE app (`req/requestMobilePushCR`) carrying what is
 * being approved — the SERVER's transaction summary for a step-up with a transaction, the login
 * text (`qrLoginText`, default `Sign in`) otherwise — never anything the browser sent. The answer
 * repeats that text so the screen shows exactly what the phone shows. `push/status`
 * (`approval-status-route.ts`) then polls the decision.
 */
import type { PushSendResponse } from '@centagate-kit/protocol'
import { base64Utf8 } from '../encoding'
import { KitFailure } from '../http/kit-failure'
import { newChallenge, qrPollAfterMs, sendOn } from './factor-routes'
import { enforceSendLimit } from './guards'
import { type RouteContext, contextFields } from './runtime'

export function pushSend(context: RouteContext): Promise<PushSendResponse> {
  return sendOn(context, 'push', async (flow) => {
    const { runtime } = context
    await enforceSendLimit(context, 'push', flow.username)
    const details = flow.transaction?.summary ?? runtime.config.qrLoginText ?? 'Sign in'
    const payload = await runtime.client.requestMobilePushCR({
      username: flow.username,
      ...(flow.devAccId === undefined ? {} : { devAccId: flow.devAccId }),
      details: base64Utf8(details),
      authToken: flow.authToken,
      ...contextFields(context),
    })
    if (payload.authToken.length > 2048) throw new KitFailure('upstream_bad_response')
    const lifetime = Math.min(runtime.limits.challengeTtlMs, runtime.limits.qrMaxWaitMs)
    const challenge = newChallenge(context, 'push', lifetime)
    return {
      // requestMobilePushCR answers the push's own token: statecheck polls with it.
      next: { authToken: payload.authToken, methods: flow.methods, challenge },
      answer: {
        status: 'sent',
        method: 'push',
        details,
        expiresAt: challenge.expiresAt,
        pollAfterMs: qrPollAfterMs,
        serverTime: context.now,
      },
    }
  })
}
