// Threat: races in verification (T-C4, T-D4a; better-auth 2FA suite, ASVS 4 11.1.6 TOCTOU): a
// correct code submitted many times at once minting several sessions or step-up receipts, and a
// burst of wrong guesses slipping past the per-challenge cap before the counter catches up.
import { afterAll, describe, expect, it } from 'vitest'
import { device } from './support/kit-requests'
import { loadUsername } from './support/fixtures'
import { Journey, smsLoginUntilCode, smsStepUpUntilCode } from './support/journeys'
import { createStack } from './support/stack'

const stack = createStack({ loadUsers: 20 })
const control = stack.control.bind(stack)
const figures: Record<string, string | number>[] = []

afterAll(() => {
  console.log('\nconcurrency')
  console.table(figures)
})

function authSmsOtpCalls(): number {
  return stack.upstream.paths.filter((path) => path.endsWith('/auth/authSmsOtp')).length
}

/** Sends `count` copies of one verify call at once. */
async function burst(journey: Journey, route: string, bodies: unknown[]) {
  const results = await Promise.all(bodies.map((body) => journey.send(route, body)))
  const statuses = new Map<string, number>()
  for (const result of results) {
    const code =
      result.status === 200
        ? ((result.json as { status?: string }).status ?? '200')
        : ((result.json as { error?: { code?: string } }).error?.code ?? String(result.status))
    statuses.set(code, (statuses.get(code) ?? 0) + 1)
  }
  return { results, statuses }
}

const summary = (statuses: Map<string, number>) =>
  [...statuses].map(([code, count]) => `${code}:${count}`).join(' ')

describe('concurrent verification', () => {
  it('20 parallel logins with one correct SMS code → exactly one success', async () => {
    const { journey, code } = await smsLoginUntilCode(
      stack.handle,
      control,
      loadUsername(0),
      'load-password-0',
    )
    const before = authSmsOtpCalls()
    const { results, statuses } = await burst(
      journey,
      'sms/verify',
      Array.from({ length: 20 }, () => ({ code, device })),
    )
    const successes = results.filter((r) => r.status === 200).length
    figures.push({
      case: 'login, 20 x correct SMS code',
      successes,
      'upstream authSmsOtp': authSmsOtpCalls() - before,
      answers: summary(statuses),
    })
    expect(successes).toBe(1)
    expect(results.filter((r) => r.status >= 500)).toEqual([])
  })

  it('20 parallel step-up verifications of one correct code → one success, one receipt', async () => {
    const { journey, code } = await smsStepUpUntilCode(stack.handle, control, 'bob', {
      headers: { 'x-test-user': 'bob' },
    })
    const { results, statuses } = await burst(
      journey,
      'sms/verify',
      Array.from({ length: 20 }, () => ({ code, device })),
    )
    const receipts = results.filter((r) =>
      r.response.headers.getSetCookie().some((cookie) => /stepup=[^;]/.test(cookie)),
    ).length
    const successes = results.filter((r) => r.status === 200).length
    figures.push({
      case: 'step-up, 20 x correct SMS code',
      successes,
      'receipt cookies': receipts,
      answers: summary(statuses),
    })
    expect(successes).toBe(1)
    expect(receipts).toBe(1)
  })

  it('20 parallel challenge-response verifications of one correct response → one success', async () => {
    const journey = new Journey(stack.handle)
    await journey.expectOk('login/start', { username: 'dave', password: 'dave-password', device })
    const sent = (await journey.expectOk('challenge/send', { device })) as { challenge: string }
    const { otp } = (await control('token/respond', {
      body: { serial: 'CR0000003', challenge: sent.challenge },
    })) as { otp: string }
    const { results, statuses } = await burst(
      journey,
      'challenge/verify',
      Array.from({ length: 20 }, () => ({ response: otp, device })),
    )
    const successes = results.filter((r) => r.status === 200).length
    figures.push({ case: 'login, 20 x correct CR response', successes, answers: summary(statuses) })
    expect(successes).toBe(1)
  })

  it('bursts of 50 wrong guesses reach CENTAGATE at most 5 times in all; then even the right code is refused', async () => {
    const { journey, code } = await smsLoginUntilCode(
      stack.handle,
      control,
      loadUsername(1),
      'load-password-1',
    )
    const guesses = new Set<string>()
    const nextGuess = () => {
      for (;;) {
        const guess = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')
        if (guess !== code && !guesses.has(guess)) return guesses.add(guess) && guess
      }
    }
    const before = authSmsOtpCalls()
    // The requests of one flow take turns (each waits for the one in flight), so a burst reaches
    // CENTAGATE one attempt at a time until the challenge is exhausted; burst again until then,
    // whatever the timing, and count every upstream attempt.
    const answers = new Map<string, number>()
    let bursts = 0
    let exhausted = false
    while (!exhausted && bursts < 20) {
      bursts += 1
      const { results, statuses } = await burst(
        journey,
        'sms/verify',
        Array.from({ length: 50 }, () => ({ code: nextGuess(), device })),
      )
      expect(results.filter((r) => r.status === 200)).toEqual([])
      expect(results.filter((r) => r.status >= 500)).toEqual([])
      for (const [answer, count] of statuses)
        answers.set(answer, (answers.get(answer) ?? 0) + count)
      exhausted = statuses.has('challenge_locked')
    }
    const reached = authSmsOtpCalls() - before
    const after = await journey.send('sms/verify', { code, device })
    const afterCode = (after.json as { error?: { code?: string } }).error?.code ?? after.status
    figures.push({
      case: `login, ${bursts} burst(s) of 50 wrong SMS codes at once`,
      'upstream authSmsOtp': reached,
      answers: summary(answers),
      'then correct code': String(afterCode),
    })
    expect(exhausted).toBe(true)
    expect(reached).toBe(5)
    expect(after.status).not.toBe(200)
    expect(authSmsOtpCalls() - before).toBe(reached)
  })

  it('no canary secret in any answer or log line', () => {
    expect(stack.leaks()).toEqual([])
  })
})
