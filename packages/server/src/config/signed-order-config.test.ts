// `centagate.signedOrder` (what `centagate-kit doctor --json` prints) is validated at startup, in
// code and from CENTAGATE_SIGNED_ORDER, and the client then signs with it.
import { endpoints } from '@centagate-kit/protocol'
import { describe, expect, it } from 'vitest'
import { createCentagateClient } from '../centagate-client/create-centagate-client'
import { createCentagateHandler } from '../handler/create-centagate-handler'
import { ConfigError } from './config-error'
import { configFromEnv } from './config-from-env'

const base = {
  baseUrl: 'https://cg.example',
  integrationKey: 'ik',
  secretKey: 'sk',
}
const cookieSecrets = [{ id: 'k1', secret: 'c'.repeat(40) }]
const nodeOrder = [
  'username',
  'devAccId',
  'authToken',
  'integrationKey',
  'unixTimestamp',
  'supportFido',
  'ipAddress',
  'userAgent',
  'browserFp',
]

function problems(signedOrder: unknown): string[] {
  try {
    createCentagateHandler({
      centagate: { ...base, signedOrder } as never,
      cookieSecrets,
    })
    return []
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return error.problems.map((problem) => `${problem.setting}: ${problem.problem}`)
  }
}

describe('centagate.signedOrder', () => {
  it('accepts a tenant order for a signed endpoint', () => {
    expect(problems({ requestOtpChallenge: nodeOrder })).toEqual([])
  })

  it('refuses unknown or unsigned endpoints, foreign fields, repeats and an unsigned timestamp', () => {
    expect(problems({ userAuthList: ['username'] })).toEqual([
      'centagate.signedOrder.userAuthList: userAuthList is not a signed CENTAGATE endpoint of the catalogue',
    ])
    expect(problems({ toString: ['username'] })[0]).toContain('not a signed CENTAGATE endpoint')
    expect(
      problems({ authSmsOtp: ['username', 'password', 'integrationKey', 'unixTimestamp'] }),
    ).toEqual([
      'centagate.signedOrder.authSmsOtp: authSmsOtp names fields it does not have: password',
    ])
    expect(
      problems({ authSmsOtp: ['username', 'username', 'integrationKey', 'unixTimestamp'] }),
    ).toEqual(['centagate.signedOrder.authSmsOtp: authSmsOtp repeats a field'])
    expect(problems({ authSmsOtp: ['username', 'smsOtp', 'integrationKey'] })).toEqual([
      'centagate.signedOrder.authSmsOtp: authSmsOtp must sign unixTimestamp',
    ])
  })

  it('reads CENTAGATE_SIGNED_ORDER: the doctor output or its map', () => {
    const env = {
      CENTAGATE_BASE_URL: 'https://cg.example',
      CENTAGATE_INTEGRATION_KEY: 'ik',
      CENTAGATE_SECRET_KEY: 'sk',
      CENTAGATE_COOKIE_SECRET: 'c'.repeat(40),
    }
    const whole = JSON.stringify({ signedOrder: { requestOtpChallenge: nodeOrder } })
    const map = JSON.stringify({ requestOtpChallenge: nodeOrder })
    for (const text of [whole, map]) {
      expect(configFromEnv({ ...env, CENTAGATE_SIGNED_ORDER: text }).centagate).toEqual({
        ...base,
        baseUrl: 'https://cg.example',
        signedOrder: { requestOtpChallenge: nodeOrder },
      })
    }
    for (const [text, problem] of [
      ['{not json', 'must be JSON'],
      ['{"nope":["username"]}', 'nope is not a signed CENTAGATE endpoint'],
    ] as const) {
      try {
        configFromEnv({ ...env, CENTAGATE_SIGNED_ORDER: text })
        expect.unreachable()
      } catch (error) {
        expect((error as ConfigError).problems).toEqual([
          { setting: 'CENTAGATE_SIGNED_ORDER', problem: expect.stringContaining(problem) },
        ])
      }
    }
  })

  it('the client signs the overridden endpoint in that order and the others as catalogued', async () => {
    const bodies: Record<string, string>[] = []
    const client = createCentagateClient({
      ...base,
      signedOrder: { requestOtpChallenge: nodeOrder },
      now: () => 1_700_000_000_000,
      fetch: (_url, init) => {
        bodies.push(JSON.parse(String(init?.body)) as Record<string, string>)
        return Promise.resolve(
          new Response('{"code":"0","message":"","object":"{\\"otpChallenge\\":\\"12345678\\"}"}', {
            headers: { 'content-type': 'application/json' },
          }),
        )
      },
    })
    const { createHmacSigner } = await import('@centagate-kit/protocol/signing')
    const signer = createHmacSigner('sk')
    const fields = { username: 'alice', devAccId: 'D', otpType: 'offline', authToken: 'AT' }
    await client.requestOtpChallenge(fields)
    const body = bodies[0]!
    expect(body.hmac).toBe(await signer.signFields(nodeOrder, body))
    expect(body.hmac).not.toBe(
      await signer.signFields(endpoints.requestOtpChallenge.signedOrder, body),
    )
  })
})
