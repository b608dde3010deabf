import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { createTestApp } from '@centagate-kit/testkit/test-app'
import { describe, expect, it } from 'vitest'

const start = { username: 'alice', password: 'alice-password' }

type KitBrowser = ReturnType<typeof createKitBrowser>

/** Sends a challenge; returns the hardware token's right response to it. */
async function sendChallenge(browser: KitBrowser, app: ReturnType<typeof createTestApp>) {
  const sent = await browser.post<{ challenge: string }>('challenge/send')
  return app.device.respond('CR0000001', sent.body.challenge)
}

describe('attempt and send limits', () => {
  it('5 wrong codes lock the challenge: the 6th (even correct) makes 0 upstream calls', async () => {
    const app = createTestApp()
    const { handler, upstream } = app
    const browser = createKitBrowser(handler)
    await browser.post('login/start', start)
    const right = await sendChallenge(browser, app)
    const left: number[] = []
    for (let index = 0; index < 5; index++) {
      const answer = await browser.post('challenge/verify', { response: '000000' })
      expect(answer.status).toBe(401)
      left.push((answer.body.error as { attemptsLeft: number }).attemptsLeft)
    }
    expect(left).toEqual([4, 3, 2, 1, 0])
    const sixth = await browser.post('challenge/verify', { response: right })
    expect(sixth.status).toBe(429)
    expect(sixth.body).toMatchObject({ error: { code: 'challenge_locked' } })
    expect(upstream.count('authCrOtp')).toBe(5)
  })

  it('10 consecutive failures lock the user for 15 min across new challenges; resends never reset', async () => {
    let time = 1_700_000_000_000
    const app = createTestApp({}, () => time)
    const { handler, upstream } = app
    let right = ''
    const browser = createKitBrowser(handler)
    await browser.post('login/start', start)
    let last
    for (let round = 0; round < 4; round++) {
      right = await sendChallenge(browser, app)
      for (let index = 0; index < 3; index++) {
        last = await browser.post('challenge/verify', { response: '000000' })
        if (last.status === 423) break
      }
      if (last?.status === 423) break
    }
    expect(last!.status).toBe(423)
    expect(upstream.count('authCrOtp')).toBe(10)
    const lockedUntil = (last!.body.error as { lockedUntil: number }).lockedUntil
    expect(lockedUntil).toBe(time + 15 * 60_000)
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(900)
    // While locked: nothing reaches CENTAGATE, not even a correct code or a new login.
    const calls = upstream.count()
    expect((await browser.post('challenge/verify', { response: right })).status).toBe(423)
    expect((await browser.post('login/start', start)).status).toBe(423)
    expect((await browser.post('sms/send')).status).toBe(423)
    expect(upstream.count()).toBe(calls)
    time += 15 * 60_000 + 1
    expect((await browser.post('login/start', start)).status).toBe(200)
  })

  it('SMS resends keep the user failure count (resend does not reset)', async () => {
    let time = 1_700_000_000_000
    const { handler, upstream } = createTestApp({}, () => time)
    const browser = createKitBrowser(handler)
    await browser.post('login/start', start)
    for (let send = 0; send < 2; send++) {
      expect((await browser.post('sms/send')).status).toBe(200)
      for (let index = 0; index < 5; index++) await browser.post('sms/verify', { code: '000000' })
      time += 61_000
    }
    expect(upstream.count('authSmsOtp')).toBe(10)
    expect((await browser.post('sms/send')).status).toBe(423)
    expect(upstream.count('requestSmsOtp')).toBe(2)
  })

  it('a success resets the consecutive-failure count', async () => {
    const app = createTestApp()
    const { handler } = app
    for (let round = 0; round < 3; round++) {
      const browser = createKitBrowser(handler)
      await browser.post('login/start', start)
      const right = await sendChallenge(browser, app)
      for (let index = 0; index < 4; index++)
        await browser.post('challenge/verify', { response: '000000' })
      const ok = await browser.post('challenge/verify', { response: right })
      expect(ok.status).toBe(200)
    }
  })

  it('replaying an older flow cookie gains no attempts', async () => {
    const app = createTestApp()
    const { handler, upstream } = app
    const browser = createKitBrowser(handler)
    await browser.post('login/start', start)
    const right = await sendChallenge(browser, app)
    const snapshot = browser.jar.get('centagate-flow')!
    for (let index = 0; index < 5; index++)
      await browser.post('challenge/verify', { response: '000000' })
    browser.jar.set('centagate-flow', snapshot)
    const replay = await browser.post('challenge/verify', { response: right })
    expect(replay.body).toMatchObject({ error: { code: 'challenge_locked' } })
    expect(upstream.count('authCrOtp')).toBe(5)
  })

  it('a cookie captured before a completed factor cannot be used again', async () => {
    const app = createTestApp()
    const { handler } = app
    const browser = createKitBrowser(handler)
    await browser.post('login/start', start)
    const right = await sendChallenge(browser, app)
    const snapshot = browser.jar.get('centagate-flow')!
    expect((await browser.post('challenge/verify', { response: right })).status).toBe(200)
    browser.jar.set('centagate-flow', snapshot)
    const replay = await browser.post('challenge/verify', { response: right })
    expect(replay.status).toBe(409)
  })

  it('20 parallel verifications of one correct code: exactly one success', async () => {
    const app = createTestApp()
    const { handler, upstream } = app
    const browser = createKitBrowser(handler)
    await browser.post('login/start', start)
    const right = await sendChallenge(browser, app)
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => browser.post('challenge/verify', { response: right })),
    )
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1)
    expect(upstream.count('authCrOtp')).toBe(1)
  })

  it('50 concurrent wrong guesses on one challenge: at most 5 reach upstream', async () => {
    const { handler, upstream } = createTestApp()
    const browser = createKitBrowser(handler)
    await browser.post('login/start', start)
    await browser.post('challenge/send')
    await Promise.all(
      Array.from({ length: 50 }, () => browser.post('challenge/verify', { response: '000000' })),
    )
    expect(upstream.count('authCrOtp')).toBeLessThanOrEqual(5)
  })

  it('a double click sends one SMS; cooldown 60 s; at most 5 per hour', async () => {
    let time = 1_700_000_000_000
    const { handler, upstream } = createTestApp({}, () => time)
    const browser = createKitBrowser(handler)
    await browser.post('login/start', start)
    const [a, b] = await Promise.all([browser.post('sms/send'), browser.post('sms/send')])
    expect([a.status, b.status].sort()).toEqual([200, 429])
    expect(upstream.count('requestSmsOtp')).toBe(1)
    const refused = a.status === 429 ? a : b
    expect(refused.body).toMatchObject({ error: { code: 'rate_limited', retryAt: time + 60_000 } })
    for (let send = 2; send <= 5; send++) {
      time += 60_001
      expect((await browser.post('sms/send')).status).toBe(200)
    }
    time += 60_001
    const sixth = await browser.post('sms/send')
    expect(sixth.status).toBe(429)
    expect(upstream.count('requestSmsOtp')).toBe(5)
  })

  it('per-IP failures: 100 per day, X-Forwarded-For ignored without a trusted proxy', async () => {
    const { handler, upstream } = createTestApp()
    const send = (request: Request) => handler(request, { clientAddress: '198.51.100.7' })
    for (let index = 0; index < 100; index++) {
      const browser = createKitBrowser(send)
      await browser.post(
        'login/start',
        { username: `user${index}`, password: 'x' },
        {
          headers: { 'x-forwarded-for': `10.0.0.${index}` },
        },
      )
    }
    const calls = upstream.count()
    const blocked = await createKitBrowser(send).post('login/start', start, {
      headers: { 'x-forwarded-for': '10.9.9.9' },
    })
    expect(blocked.status).toBe(429)
    expect(upstream.count()).toBe(calls)
  })

  it('without a known client address there is no shared per-IP bucket', async () => {
    const { handler } = createTestApp()
    for (let index = 0; index < 101; index++) {
      await createKitBrowser(handler).post('login/start', { username: `u${index}`, password: 'x' })
    }
    const next = await createKitBrowser(handler).post('login/start', start)
    expect(next.status).toBe(200)
  })

  it('with a trusted proxy the hop it appended is the client IP', async () => {
    const { handler, upstream } = createTestApp({ trustedProxyCount: 1 })
    const browser = createKitBrowser((request) => handler(request, { clientAddress: '10.0.0.1' }))
    await browser.post('login/start', start, {
      headers: { 'x-forwarded-for': '1.2.3.4, 203.0.113.9' },
    })
    expect(upstream.calls[0]!.fields.ipAddress).toBe('203.0.113.9')
  })
})
