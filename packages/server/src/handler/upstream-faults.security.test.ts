// Threat: failing open when CENTAGATE misbehaves (anchors-security I). Every upstream fault must
// become a typed kit error with the right status, after exactly one upstream attempt, with no
// success and no upstream text in the browser body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCentagateHandler } from './create-centagate-handler'
import { type ChaosMode, startChaosUpstream } from '@centagate-kit/testkit/chaos-upstream'
import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { nodeUpstreamClients } from '@centagate-kit/testkit/node-upstream-clients'

const table: [ChaosMode, string, number][] = [
  ['never', 'upstream_timeout', 504],
  ['late-headers', 'upstream_timeout', 504],
  ['drip', 'upstream_timeout', 504],
  ['http-500', 'upstream_error', 502],
  ['http-502', 'upstream_error', 502],
  ['http-503', 'upstream_error', 502],
  ['http-504', 'upstream_error', 502],
  ['html', 'upstream_bad_response', 502],
  ['bad-json', 'upstream_bad_response', 502],
  ['truncated', 'upstream_bad_response', 502],
  ['reset', 'upstream_unavailable', 503],
  ['no-code', 'upstream_bad_response', 502],
  ['bad-object', 'upstream_bad_response', 502],
  ['oversized', 'upstream_bad_response', 502],
  ['redirect', 'upstream_bad_response', 502],
  ['clock-skew', 'clock_skew', 503],
]

for (const [clientName, makeUpstream] of nodeUpstreamClients) {
  describe(`fail closed on upstream faults (loopback chaos upstream, ${clientName})`, () => {
    let chaos: Awaited<ReturnType<typeof startChaosUpstream>>
    const upstream = makeUpstream()
    beforeAll(async () => {
      chaos = await startChaosUpstream(800)
    })
    afterAll(async () => {
      await chaos.close()
      await upstream.close()
    })

    for (const [mode, code, status] of table) {
      it(`${mode} → ${code} (${status}), one attempt, then recovery`, async () => {
        const handler = createCentagateHandler({
          centagate: {
            baseUrl: chaos.url,
            integrationKey: 'ik',
            secretKey: 'sk',
            ...upstream.option,
            timeoutMs: 300,
          },
          cookieSecrets: [{ id: 'k1', secret: 'x'.repeat(32) }],
        })
        chaos.setMode(mode)
        const before = chaos.requests()
        const answer = await createKitBrowser(handler).post('login/start', {
          username: 'alice',
          password: 'pw',
        })
        expect(answer.status).toBe(status)
        expect(answer.body).toMatchObject({ error: { code } })
        expect(answer.raw).not.toMatch(/upstream text|maintenance|example\.invalid/)
        expect(answer.headers.getSetCookie()).toEqual([])
        expect(chaos.requests() - before).toBe(1)
        chaos.setMode('ok')
        const next = await createKitBrowser(handler).post('login/start', {
          username: 'alice',
          password: 'pw',
        })
        expect(next.status).toBe(200)
      })
    }

    it('connection refused → upstream_unavailable 503', async () => {
      const closed = await startChaosUpstream()
      await closed.close()
      const handler = createCentagateHandler({
        centagate: {
          baseUrl: closed.url,
          integrationKey: 'ik',
          secretKey: 'sk',
          ...upstream.option,
        },
        cookieSecrets: [{ id: 'k1', secret: 'x'.repeat(32) }],
      })
      const answer = await createKitBrowser(handler).post('login/start', {
        username: 'alice',
        password: 'pw',
      })
      expect(answer.status).toBe(503)
      expect(answer.body).toMatchObject({ error: { code: 'upstream_unavailable' } })
    })
  })
}

// Uses its own fetch (no socket): once, not per Node client.
describe('fail closed on upstream faults: business codes', () => {
  it('business codes are not transport errors: every CENTAGATE code maps to its kit error', async () => {
    const { returnCodes, kitErrorForReturnCode } = await import('@centagate-kit/protocol')
    for (const code of Object.keys(returnCodes).filter((entry) => entry !== '0')) {
      const handler = createCentagateHandler({
        centagate: {
          baseUrl: 'https://cg.test',
          integrationKey: 'ik',
          secretKey: 'sk',
          fetch: () =>
            Promise.resolve(
              new Response(JSON.stringify({ code, message: 'm', object: '' }), { status: 200 }),
            ),
        },
        cookieSecrets: [{ id: 'k1', secret: 'x'.repeat(32) }],
        identify: () => Promise.resolve({ username: 'alice' }),
      })
      const answer = await createKitBrowser(handler).post('stepup/start', {})
      expect(answer.status).not.toBe(200)
      const expected = code === '23023' ? 'clock_skew' : kitErrorForReturnCode(code).error
      expect((answer.body.error as { code: string }).code).toBe(expected)
    }
  })
})
