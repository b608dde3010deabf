// Threat: failing open when CENTAGATE misbehaves, with the emulator's own fault injection
// (every fault kind it offers). Each must give a typed kit error after exactly one upstream
// attempt, never a success, and the next call must work again.
import {
  type EmulatorHarness,
  faultKinds,
  startEmulatorHarness,
} from '@centagate-kit/testkit/emulator-harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const expected: Record<
  (typeof faultKinds)[number],
  { code: string; status: number; fault: Record<string, unknown> }
> = {
  latency: { code: 'upstream_timeout', status: 504, fault: { delayMs: 1_800 } },
  hang: { code: 'upstream_timeout', status: 504, fault: {} },
  http_error: { code: 'upstream_error', status: 502, fault: { status: 503 } },
  html: { code: 'upstream_bad_response', status: 502, fault: {} },
  malformed_json: { code: 'upstream_bad_response', status: 502, fault: {} },
  oversized: { code: 'upstream_bad_response', status: 502, fault: {} },
  redirect: { code: 'upstream_bad_response', status: 502, fault: {} },
  drop: { code: 'upstream_unavailable', status: 503, fault: {} },
  clock_skew: { code: 'clock_skew', status: 503, fault: {} },
  // A return code the kit does not know: an upstream error, not a success.
  return_code: { code: 'upstream_error', status: 502, fault: { returnCode: '99999' } },
}

let h: EmulatorHarness
beforeAll(async () => {
  h = await startEmulatorHarness({})
})
afterAll(async () => {
  await h.close()
})

describe('fail closed on every emulator fault kind', () => {
  it('covers every kind the emulator offers', () => {
    expect(Object.keys(expected).sort()).toEqual([...faultKinds].sort())
  })

  for (const kind of faultKinds) {
    it(`${kind}: typed error, one upstream attempt, no success; then recovery`, async () => {
      const { code, status, fault } = expected[kind]
      await h.control('POST', 'faults', { endpoint: 'authBasic', kind, count: 1, ...fault })
      const before = await h.upstreamCalls('authBasic')
      const started = Date.now()
      const answer = await h
        .browser()
        .post('login/start', { username: 'alice', password: 'alice-password' })
      expect(Date.now() - started).toBeLessThan(1_000 + 500)
      expect(answer.status).toBe(status)
      expect(answer.body).toMatchObject({ error: { code } })
      expect(answer.headers.getSetCookie()).toEqual([])
      expect(answer.raw).not.toMatch(/<html|redirect\.invalid|stack/i)
      expect((await h.upstreamCalls('authBasic')) - before).toBe(1)
      const next = await h
        .browser()
        .post('login/start', { username: 'alice', password: 'alice-password' })
      expect(next.status).toBe(200)
    })
  }

  it('a fault on a verify call keeps the challenge usable and counts no wrong code', async () => {
    const browser = h.browser()
    await browser.post('login/start', { username: 'bob', password: 'bob-password' })
    await browser.post('sms/send')
    await h.control('POST', 'faults', { endpoint: 'authSmsOtp', kind: 'http_error', count: 1 })
    const failed = await browser.post('sms/verify', { code: (await h.lastSms('bob')).code })
    expect(failed.status).toBe(502)
    const done = await browser.post('sms/verify', { code: (await h.lastSms('bob')).code })
    expect(done.body).toMatchObject({ status: 'authenticated' })
  })
})
