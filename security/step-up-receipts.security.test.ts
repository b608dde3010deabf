// Threat: replaying or re-targeting a step-up (T-G5; ASVS 5 7.4.1, TxAuth CS 1.5/2.9): one
// completed SMS step-up used twice, for another transaction, by another user, after it expired,
// or with a tampered receipt cookie, to pass the app's `requireStepUp` guard on a sensitive route.
import { describe, expect, it } from 'vitest'
import { loadUsername } from './support/fixtures'
import { device } from './support/kit-requests'
import { appOrigin } from './support/kit-requests'
import { smsStepUpUntilCode } from './support/journeys'
import { createStack } from './support/stack'

let offsetMs = 0
const stack = createStack({ loadUsers: 6, now: () => Date.now() + offsetMs })
const guard = stack.handler.requireStepUp({
  maxAgeSeconds: 300,
  transactionId: (request) => request.headers.get('x-test-transaction') ?? undefined,
})
const figures: Record<string, string>[] = []

/** A completed step-up for `user` and `transactionId`: the cookie header that carries it. */
async function stepUp(user: string, transactionId: string): Promise<string> {
  const { journey, code } = await smsStepUpUntilCode(
    stack.handle,
    stack.control,
    user,
    { headers: { 'x-test-user': user } },
    transactionId,
  )
  await journey.expectOk('sms/verify', { code, device })
  expect(journey.jar.names().some((name) => name.includes('stepup'))).toBe(true)
  return journey.jar.header()
}

/** The app's own sensitive route, as the guard sees it. */
async function sensitive(cookie: string, user: string, transactionId: string) {
  const result = await guard(
    new Request(`${appOrigin}/api/bank/transfers/${transactionId}/execute`, {
      method: 'POST',
      headers: { cookie, 'x-test-user': user, 'x-test-transaction': transactionId },
    }),
  )
  if (result.ok) return 'ok'
  const body = (await result.response.json()) as { error?: { code?: string } }
  const challenge = result.response.headers.get('www-authenticate') ?? ''
  expect(result.response.status).toBe(401)
  expect(challenge).toMatch(/insufficient_user_authentication/)
  return body.error?.code ?? `HTTP ${result.response.status}`
}

describe('step-up receipts', () => {
  it('single use, bound to user and transaction, expire, tamper-proof', async () => {
    const alice = loadUsername(0)
    const mallory = loadUsername(1)
    const cookie = await stepUp(alice, 'tx-a')
    const cases: [string, () => Promise<string>, string][] = [
      ['other transaction (tx-b)', () => sensitive(cookie, alice, 'tx-b'), 'step_up_required'],
      ['other user (same cookie)', () => sensitive(cookie, mallory, 'tx-a'), 'step_up_required'],
      [
        'tampered receipt',
        () =>
          sensitive(
            cookie.replace(
              /(stepup=[^.;]*\.[^.;]*\.)(.)/,
              (_m, a: string, b: string) => a + (b === 'A' ? 'B' : 'A'),
            ),
            alice,
            'tx-a',
          ),
        'step_up_required',
      ],
      ['no receipt', () => sensitive('', alice, 'tx-a'), 'step_up_required'],
      ['right user and transaction', () => sensitive(cookie, alice, 'tx-a'), 'ok'],
      ['replay of the same receipt', () => sensitive(cookie, alice, 'tx-a'), 'step_up_required'],
    ]
    for (const [name, run, expected] of cases) {
      const answer = await run()
      figures.push({ case: name, answer, expected })
    }
    // Expiry: a fresh receipt, then the clock moves past its lifetime (5 min).
    const late = await stepUp(loadUsername(2), 'tx-c')
    offsetMs += 301_000
    figures.push({
      case: 'receipt after 301 s',
      answer: await sensitive(late, loadUsername(2), 'tx-c'),
      expected: 'step_up_required',
    })
    console.log('\nstep-up receipts')
    console.table(figures)
    expect(figures.filter((f) => f.answer !== f.expected)).toEqual([])
    expect(stack.leaks()).toEqual([])
  })
})
