// Threat: guessing past the limits by restarting the step (T-D1..T-D3; NIST 800-63B-4 3.1.3.2
// "generating a new secret SHALL NOT reset the failed-attempt count"; greenpau/caddy-security#271,
// privacyidea#1578): resend an SMS after every few wrong codes, wait out the cooldown, repeat. One
// clock for kit and emulator is moved forward (no real waiting). Pass: at most 10 wrong codes
// reach CENTAGATE before the user is locked; while locked, 0 upstream calls even for the right code.
import { describe, expect, it } from 'vitest'
import { loadUsername } from './support/fixtures'
import { device } from './support/kit-requests'
import { Journey } from './support/journeys'
import { latestCode } from './support/outbox'
import { createStack } from './support/stack'

let offsetMs = 0
const stack = createStack({ loadUsers: 2, now: () => Date.now() + offsetMs })
const advance = (seconds: number) => {
  offsetMs += seconds * 1_000
}
const errorCode = (json: unknown) => (json as { error?: { code?: string } } | null)?.error?.code
const calls = (suffix: string) =>
  stack.upstream.paths.filter((path) => path.endsWith(suffix)).length

describe('lockout cannot be reset by resending', () => {
  it('resend + wrong codes, round after round: ≤ 10 wrong codes reach CENTAGATE, then locked', async () => {
    const username = loadUsername(0)
    const journey = new Journey(stack.handle)
    await journey.expectOk('login/start', { username, password: 'load-password-0', device })
    const verifiesBefore = calls('/auth/authSmsOtp')
    const rounds: string[] = []
    let lockedAt = -1
    for (let round = 0; round < 5 && lockedAt < 0; round += 1) {
      const send = await journey.send('sms/send', { device })
      const answers: string[] = [`send:${send.status === 200 ? 'sent' : errorCode(send.json)}`]
      for (let guess = 0; guess < 4; guess += 1) {
        const answer = await journey.send('sms/verify', { code: `00000${guess}`, device })
        const code = errorCode(answer.json) ?? String(answer.status)
        answers.push(code)
        if (code === 'locked') {
          lockedAt = round
          break
        }
      }
      rounds.push(answers.join(' '))
      advance(61)
    }
    const wrongReached = calls('/auth/authSmsOtp') - verifiesBefore
    // Locked: the right code of a new SMS is refused without any upstream call.
    advance(61)
    const before = stack.upstream.calls
    const resend = await journey.send('sms/send', { device })
    let rightAnswer = 'no code'
    if (resend.status === 200) {
      const code = latestCode(await stack.control(`outbox?username=${username}`))
      rightAnswer = errorCode((await journey.send('sms/verify', { code, device })).json) ?? 'ok'
    }
    const whileLocked = stack.upstream.calls - before
    console.log(
      `\nlockout: rounds of (resend + 4 wrong codes), clock +61 s each:\n  ${rounds.join('\n  ')}\n` +
        `  wrong codes that reached CENTAGATE: ${wrongReached}; locked in round ${lockedAt + 1}; ` +
        `then resend → ${resend.status === 200 ? 'sent' : errorCode(resend.json)}, right code → ${rightAnswer}, upstream calls while locked: ${whileLocked}`,
    )
    expect(lockedAt).toBeGreaterThanOrEqual(0)
    expect(wrongReached).toBeLessThanOrEqual(10)
    expect(resend.status).not.toBe(200)
    expect(whileLocked).toBe(0)
  })

  // Regression: the per-user lock used to be a fixed 15 min with a fresh budget of 10 after each,
  // so consecutive failures were unbounded (NIST SP 800-63B-4 3.2.2 asks for at most 100). Locks in
  // a row now double, and the ceiling of 100 consecutive failures locks the user for good.
  it('waiting out lock after lock: at most 100 consecutive wrong codes ever reach CENTAGATE', async () => {
    const username = loadUsername(1)
    const before = calls('/auth/authSmsOtp')
    let cycles = 0
    let stopped = 'the ceiling was passed'
    for (; cycles < 60 && calls('/auth/authSmsOtp') - before <= 100; cycles += 1) {
      advance(16 * 60)
      // A botnet: each lock period from another client address (the per-IP budget is apart).
      const clientAddress = `198.51.100.${cycles + 1}`
      const journey = new Journey((request) => stack.handle(request, { clientAddress }))
      const start = await journey.send('login/start', {
        username,
        password: 'load-password-1',
        device,
      })
      if (start.status !== 200) {
        stopped = `login/start ${errorCode(start.json) ?? start.status}`
        break
      }
      for (let guess = 0; guess < 12; guess += 1) {
        if (guess % 4 === 0) {
          advance(61)
          const sent = await journey.send('sms/send', { device })
          if (sent.status !== 200) break
        }
        const answer = await journey.send('sms/verify', { code: `22222${guess % 10}`, device })
        if (errorCode(answer.json) === 'locked') break
      }
    }
    const total = calls('/auth/authSmsOtp') - before
    console.log(
      `\nlockout ceiling: ${cycles} lock periods waited out, ${total} consecutive wrong codes reached CENTAGATE (NIST ceiling 100); stopped by: ${stopped}`,
    )
    expect(total).toBeLessThanOrEqual(100)
  })
})
