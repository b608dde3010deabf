/**
 * Counting authentication outcomes: a failure counts for the challenge, the user's client class
 * and (unknown clients) the address; a success resets the class and gives the browser its device
 * cookie, so that later failures of strangers do not lock it.
 */
import { clientClassOf, ipKeyOf, issueDeviceCookie } from './client-class'
import type { RouteContext } from './runtime'

/** Counts one failed attempt everywhere it counts; the challenge's attempts left and any new lock. */
export async function recordAuthFailure(
  context: RouteContext,
  input: { username: string; challengeId?: string },
): Promise<{ attemptsLeft?: number; lockedUntil?: number }> {
  const { limiter } = context.runtime
  const result: { attemptsLeft?: number; lockedUntil?: number } = {}
  if (input.challengeId !== undefined)
    result.attemptsLeft = await limiter.recordChallengeFailure(input.challengeId)
  const client = await clientClassOf(context, input.username)
  const locked = await limiter.lockout.recordFailure(input.username, client, ipKeyOf(context))
  if (locked.lockedUntil !== undefined) result.lockedUntil = locked.lockedUntil
  return result
}

/** A completed login or step-up: resets the client class's failures, issues the device cookie. */
export async function recordAuthSuccess(context: RouteContext, username: string): Promise<void> {
  const client = await clientClassOf(context, username)
  await context.runtime.limiter.lockout.recordSuccess(username, client)
  await issueDeviceCookie(context, username)
}
