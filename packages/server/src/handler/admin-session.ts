/**
 * The admin session behind `tokens/register`: authBasic as the configured admin gives an
 * authToken and secretCode; `cenToken = HMAC(secretCode, adminUsername + authToken)`. The session
 * is cached briefly and re-created once when CENTAGATE says it is no longer valid (10001/23016).
 */
import { computeCenToken } from '@centagate-kit/protocol/signing'
import type { CentagateClient } from '../centagate-client/create-centagate-client'
import { CentagateCodeError } from '../centagate-client/errors'
import { KitFailure } from '../http/kit-failure'

interface AdminSession {
  cenToken: string
  expiresAt: number
}

export interface AdminSessions {
  /** Runs `action` with a cenToken, re-logging in once on 10001/23016. */
  withCenToken<T>(action: (cenToken: string, adminUsername: string) => Promise<T>): Promise<T>
}

export function createAdminSessions(
  client: CentagateClient,
  admin: { username: string; password: string } | undefined,
  now: () => number,
  cacheMs = 60_000,
): AdminSessions {
  let cached: Promise<AdminSession> | undefined

  async function login(): Promise<AdminSession> {
    if (admin === undefined) throw new KitFailure('forbidden', {}, 'kit.enrolment_disabled')
    const result = await client.authBasic({ username: admin.username, password: admin.password })
    if (result.secretCode.length === 0) {
      // The admin account must not require a second factor for server-to-server use.
      throw new KitFailure('integration_error', {}, 'kit.admin_requires_mfa')
    }
    return {
      cenToken: await computeCenToken({
        secretCode: result.secretCode,
        adminUsername: admin.username,
        authToken: result.authToken,
      }),
      expiresAt: now() + cacheMs,
    }
  }

  async function session(fresh: boolean): Promise<AdminSession> {
    if (!fresh && cached !== undefined) {
      const current = await cached.catch(() => undefined)
      if (current !== undefined && current.expiresAt > now()) return current
    }
    cached = login()
    return cached
  }

  return {
    async withCenToken(action) {
      if (admin === undefined) throw new KitFailure('forbidden', {}, 'kit.enrolment_disabled')
      const first = await session(false)
      try {
        return await action(first.cenToken, admin.username)
      } catch (error) {
        if (error instanceof CentagateCodeError && ['10001', '23016'].includes(error.code)) {
          // The cached session expired upstream: the call was refused, so one retry is safe.
          const second = await session(true)
          return action(second.cenToken, admin.username)
        }
        throw error
      }
    },
  }
}
