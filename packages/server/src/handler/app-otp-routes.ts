/**
 * The CENTAGATE app's time-based code (`auth/authOtp`), also a soft token's or an authenticator's:
 * `app-otp/start` opens a window of `challengeMaxFailures` wrong-code attempts with no upstream
 * call (the code is already on the phone; the send limits bound how many windows a user opens),
 * `app-otp/verify` checks a code. Login and plain step-up only: the flows with a transaction never
 * offer `app_otp` (`loginOnlyMethods`), and verify refuses one anyway.
 */
import type { AppOtpStartResponse } from '@centagate-kit/protocol'
import { KitFailure } from '../http/kit-failure'
import { newChallenge, sendOn, verifyWith } from './factor-routes'
import { enforceSendLimit } from './guards'
import { type RouteContext, contextFields } from './runtime'

export function appOtpStart(context: RouteContext): Promise<AppOtpStartResponse> {
  return sendOn(context, 'app_otp', async (flow) => {
    const { runtime } = context
    await enforceSendLimit(context, 'app_otp', flow.username)
    const challenge = newChallenge(context, 'app_otp', runtime.limits.challengeTtlMs)
    return {
      next: { authToken: flow.authToken, methods: flow.methods, challenge },
      answer: {
        status: 'sent',
        method: 'app_otp',
        expiresAt: challenge.expiresAt,
        attemptsLeft: runtime.limits.challengeMaxFailures,
        serverTime: context.now,
      },
    }
  })
}

export function appOtpVerify(context: RouteContext, input: { code: string }) {
  return verifyWith(context, 'app_otp', async (flow) => {
    if (flow.transaction !== undefined) throw new KitFailure('method_unavailable')
    // No devAccId and no otpType: whichever code generator the user has (the app, a soft token,
    // an enrolled authenticator) may answer (API.md 2.5; the emulator checks all of them).
    const result = await context.runtime.client.authOtp({
      username: flow.username,
      otp: input.code,
      authToken: flow.authToken,
      ...contextFields(context),
    })
    return { kind: 'auth', result }
  })
}
