// Threat: skipped or reordered steps and account enumeration (T-C5, T-K1; ASVS 5 2.3.1, ASVS 4
// 7.4.1): a verify call before its code was sent, a method the user does not have, a step of one
// method in another's flow, reaching CENTAGATE (burning its budget, or worse, completing a flow);
// and login answers that tell an attacker whether a username exists.
import { describe, expect, it } from 'vitest'
import { device } from './support/kit-requests'
import { Journey } from './support/journeys'
import { kitErrorBody } from '@centagate-kit/protocol'
import { createStack } from './support/stack'

const stack = createStack({ loadUsers: 2 })
const figures: Record<string, string | number>[] = []

const errorCode = (json: unknown) => (json as { error?: { code?: string } } | null)?.error?.code

describe('flow order', () => {
  it.each([
    ['sms/verify', { code: '123456', device }],
    ['challenge/verify', { response: '12345678', device }],
    ['qr/verify', { otp: '12345678', device }],
    ['qr/status', { device }],
  ] as const)('%s before its code was sent: refused, 0 upstream calls', async (route, body) => {
    const journey = new Journey(stack.handle)
    await journey.expectOk('login/start', { username: 'alice', password: 'alice-password', device })
    const before = stack.upstream.calls
    const answer = await journey.send(route, body)
    figures.push({
      case: `${route} before send`,
      answer: `${answer.status} ${errorCode(answer.json)}`,
      upstream: stack.upstream.calls - before,
    })
    expect(answer.status).toBe(409)
    expect(kitErrorBody.safeParse(answer.json).success).toBe(true)
    expect(stack.upstream.calls - before).toBe(0)
  })

  it('a method the user does not have (bob: SMS only) is refused before CENTAGATE', async () => {
    const journey = new Journey(stack.handle)
    await journey.expectOk('login/start', { username: 'bob', password: 'bob-password', device })
    const before = stack.upstream.calls
    const challenge = await journey.send('challenge/send', { device })
    const qr = await journey.send('qr/send', { device })
    figures.push({
      case: 'bob asks for challenge / qr',
      answer: `${errorCode(challenge.json)} / ${errorCode(qr.json)}`,
      upstream: stack.upstream.calls - before,
    })
    expect(errorCode(challenge.json)).toBe('method_unavailable')
    expect(errorCode(qr.json)).toBe('method_unavailable')
    expect(stack.upstream.calls - before).toBe(0)
  })

  it('an SMS code submitted as a challenge response (other method) is refused, 0 upstream calls', async () => {
    const journey = new Journey(stack.handle)
    await journey.expectOk('login/start', { username: 'alice', password: 'alice-password', device })
    await journey.expectOk('sms/send', { device })
    const before = stack.upstream.calls
    const answer = await journey.send('challenge/verify', { response: '12345678', device })
    figures.push({
      case: 'challenge/verify in an SMS step',
      answer: `${answer.status} ${errorCode(answer.json)}`,
      upstream: stack.upstream.calls - before,
    })
    expect(answer.status).toBe(409)
    expect(stack.upstream.calls - before).toBe(0)
  })

  it('a completed flow cannot be verified again (replayed cookie after success)', async () => {
    const journey = new Journey(stack.handle)
    await journey.expectOk('login/start', { username: 'dave', password: 'dave-password', device })
    const sent = (await journey.expectOk('challenge/send', { device })) as { challenge: string }
    const cookieBefore = journey.jar.header()
    const { otp } = (await stack.control('token/respond', {
      body: { serial: 'CR0000003', challenge: sent.challenge },
    })) as { otp: string }
    await journey.expectOk('challenge/verify', { response: otp, device })
    // Replay the cookie captured before the success, with the same correct response.
    const replay = new Journey(stack.handle)
    replay.jar.store(new Response(null, { headers: { 'set-cookie': cookieBefore } }))
    const answer = await replay.send('challenge/verify', { response: otp, device })
    figures.push({
      case: 'replayed pre-success cookie + same OTP',
      answer: `${answer.status} ${errorCode(answer.json)}`,
    })
    expect(answer.status).not.toBe(200)
  })
})

describe('no account enumeration at login', () => {
  it('unknown user, wrong password and a user without second factor look the same', async () => {
    const bodies: Record<string, { status: number; body: string }> = {}
    for (const [label, username, password] of [
      ['unknown user', 'nobody-here', 'whatever-password'],
      ['wrong password', 'bob', 'wrong-password'],
      ['wrong password (no 2nd factor user)', 'carol', 'wrong-password'],
    ] as const) {
      const answer = await new Journey(stack.handle).send('login/start', {
        username,
        password,
        device,
      })
      // Compare without the per-request members.
      const json = answer.json as { requestId?: string; serverTime?: number }
      const { requestId: _r, serverTime: _t, ...rest } = json
      bodies[label] = { status: answer.status, body: JSON.stringify(rest) }
    }
    const distinct = new Set(Object.values(bodies).map((b) => `${b.status} ${b.body}`))
    figures.push({
      case: 'login failures (unknown / wrong / no factor)',
      answer: [...distinct].join(' | '),
    })
    expect(distinct.size).toBe(1)
  })
})

describe('report', () => {
  it('prints', () => {
    console.log('\nflow integrity')
    console.table(figures)
    expect(stack.leaks()).toEqual([])
  })
})
