// Threat: `centagate-kit doctor` runs in terminals and CI jobs whose output is kept; it must not
// leak the app's secret key or integration key, the test user's password, an authToken CENTAGATE
// issued during the run, or any HMAC it computed — neither in its report, its JSON, nor its error
// messages. Every run's stdout and stderr are searched for each of them.
import { main } from '../../src/cli/cli'
import { createTestApp, testSecrets } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

describe('doctor output', () => {
  it('carries no secret, password, authToken or hmac, in success and in failure', async () => {
    const app = createTestApp({}, undefined, { tenantOrders: 'vendor-samples' })
    const sent: string[] = []
    const fetch = async (input: string, init: RequestInit) => {
      sent.push(String(init.body))
      return app.emulator.fetch(new Request(input, init))
    }
    const env = {
      CENTAGATE_BASE_URL: 'https://centagate.test',
      CENTAGATE_INTEGRATION_KEY: testSecrets.integrationKey,
      CENTAGATE_SECRET_KEY: testSecrets.secretKey,
    }
    const password = 'alice-password'
    let output = ''
    const io = {
      out: { write: (t: string) => void (output += t) },
      err: { write: (t: string) => void (output += t) },
    }
    const runs = [
      await main(
        ['doctor', '--json', '--username', 'alice', '--password', password],
        env,
        io,
        fetch,
      ),
      await main(['doctor', '--username', 'alice', '--password', password], env, io, fetch),
      // Refused app (wrong secret): exit 1 with a reason, still nothing secret.
      await main(
        ['doctor', '--username', 'alice', '--password', password],
        { ...env, CENTAGATE_SECRET_KEY: 'wrong-secret-canary' },
        io,
        fetch,
      ),
      // Bad environment: exit 2, naming variables only.
      await main(
        ['doctor', '--username', 'alice', '--password', password],
        {
          ...env,
          CENTAGATE_BASE_URL: 'ftp://secret-host-canary',
        },
        io,
      ),
    ]
    expect(runs).toEqual([0, 0, 1, 2])
    const issuedTokens = [
      ...Object.keys(app.emulator.state.liveTokens),
      ...Object.keys(app.emulator.state.retiredTokens),
    ]
    const hmacs = sent.map((body) => (JSON.parse(body) as { hmac: string }).hmac)
    const unknownTokens = sent.map(
      (body) => (JSON.parse(body) as { authToken?: string }).authToken ?? '',
    )
    const secrets = [
      testSecrets.secretKey,
      testSecrets.integrationKey,
      password,
      'wrong-secret-canary',
      'secret-host-canary',
      ...issuedTokens,
      ...unknownTokens.filter((token) => token !== ''),
      ...hmacs,
    ]
    const leaks = secrets.filter((secret) => output.includes(secret))
    console.table({
      doctor: {
        runs: runs.length,
        'output bytes': output.length,
        'requests sent': sent.length,
        'secrets searched': new Set(secrets).size,
        leaks: leaks.length,
      },
    })
    expect(issuedTokens.length).toBeGreaterThan(0)
    expect(leaks).toEqual([])
  })
})
