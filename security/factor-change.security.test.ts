// Threat: a session alone changes a second factor (issue 14 point 1; ASVS 5 6.4.3 / 7.5.1, NIST
// SP 800-63B-4 4.1.2 "binding an additional authenticator requires authentication at AAL2"): with
// only the user's app session (stolen cookie, XSS), `tokens/register` moved SMS 2FA to the
// attacker's phone. Pass: without a fresh step-up receipt of that same user (plain, not for a
// transaction, <= 5 min old, unused) the kit answers 401 with the RFC 9470 challenge and
// CENTAGATE registers nothing; with one it registers once; a user's FIRST factor still needs none.
import { type KitAnswer, createKitBrowser } from '@centagate-kit/testkit/kit-browser'
import { completeStepUp } from '@centagate-kit/testkit/step-up-journey'
import { type TestAppOverrides, createTestApp } from '@centagate-kit/testkit/test-app'
import { afterAll, describe, expect, it } from 'vitest'

const figures: Record<string, string | number>[] = []
afterAll(() => {
  console.log('\nfactor changes (tokens/register) with and without a fresh step-up')
  console.table(figures)
})

const code = (answer: KitAnswer) =>
  answer.status === 200
    ? String(answer.body.status)
    : String((answer.body.error as { code?: string } | undefined)?.code)

function setup(overrides: TestAppOverrides = {}) {
  let time = 1_763_900_000_000
  const events: unknown[] = []
  const app = createTestApp(
    { onFactorChanged: (event) => void events.push(event), ...overrides },
    () => time,
  )
  const browser = (user: string) =>
    createKitBrowser(app.handler, { cookies: { 'app-session': user } })
  const registrations = () => app.upstream.count('registerActiveToken')
  /** Records one registration attempt in the figures; returns its answer. */
  const register = async (
    name: string,
    as: ReturnType<typeof browser>,
    phoneNumber: string,
  ): Promise<KitAnswer> => {
    const before = registrations()
    const answer = await as.post('tokens/register', { kind: 'sms', phoneNumber })
    figures.push({
      case: name,
      status: answer.status,
      answer: code(answer),
      'WWW-Authenticate':
        answer.headers.get('www-authenticate')?.replace(/ error_desc.*,/, '') ?? '',
      'registerActiveToken calls': registrations() - before,
    })
    return answer
  }
  return {
    ...app,
    events,
    browser,
    register,
    registrations,
    advance: (ms: number) => {
      time += ms
    },
  }
}

/** The refusal every case without a usable step-up must get. */
function expectStepUpChallenge(answer: KitAnswer, maxAge = 300) {
  expect(answer.status).toBe(401)
  expect(answer.headers.get('www-authenticate')).toMatch(
    new RegExp(`^Bearer error="insufficient_user_authentication", .*max_age=${maxAge}$`),
  )
  expect(answer.body).toMatchObject({
    error: { code: 'step_up_required', maxAgeSeconds: maxAge },
  })
}

describe('a factor change needs a fresh step-up of the same user', () => {
  it('session only: 401 + RFC 9470 challenge, CENTAGATE registers nothing; after a step-up: registered once', async () => {
    const t = setup()
    const alice = t.browser('alice')
    const phoneBefore = t.emulator.state.users.alice?.phone
    expectStepUpChallenge(await t.register('session only', alice, '+60111111111'))
    expect(t.registrations()).toBe(0)
    expect(t.emulator.state.users.alice?.phone).toBe(phoneBefore)

    await completeStepUp(alice, t.device, { token: 'CR0000001' })
    const registered = await t.register('fresh step-up (token)', alice, '+60111111111')
    expect(registered.body).toMatchObject({ status: 'registered', label: '•••• 1111' })
    expect(t.emulator.state.users.alice?.phone).toBe('+60111111111')
    // The app hears of it (what, who, when, how), never the number itself.
    expect(t.events).toEqual([
      expect.objectContaining({
        change: 'registered',
        kind: 'sms',
        label: '•••• 1111',
        username: 'alice',
        allowedBy: 'step_up',
        time: expect.any(Number) as number,
      }),
    ])
    expect(JSON.stringify({ ...(t.events[0] as object), request: undefined })).not.toContain(
      '60111111111',
    )

    // A receipt is used up by the change it allowed.
    expectStepUpChallenge(await t.register('same receipt again', alice, '+60111111112'))
    expect(t.registrations()).toBe(1)
  })

  it('a receipt older than the max age does not count (default 300 s, and a shorter configured one)', async () => {
    const t = setup()
    const alice = t.browser('alice')
    await completeStepUp(alice, t.device, { token: 'CR0000001' })
    t.advance(301_000)
    expectStepUpChallenge(await t.register('receipt 301 s old (max 300)', alice, '+60111111113'))

    const strict = setup({ factorChangeMaxAgeSeconds: 60 })
    const bob = strict.browser('alice')
    await completeStepUp(bob, strict.device, { token: 'CR0000001' })
    strict.advance(61_000)
    expectStepUpChallenge(
      await strict.register('receipt 61 s old (max 60, receipt valid 300 s)', bob, '+60111111114'),
      60,
    )
    expect(t.registrations() + strict.registrations()).toBe(0)
  })

  it("a transaction's step-up, another user's receipt or another user's enrol flow do not count", async () => {
    const t = setup()
    const alice = t.browser('alice')
    // Step-up for a transfer: consent to that transfer, not to a factor change.
    const start = await alice.post('stepup/start', { transactionId: 'tx-1' })
    expect(start.status).toBe(200)
    const sent = await alice.post<{ challenge: string }>('challenge/send')
    await alice.post('challenge/verify', {
      response: await t.device.respond('CR0000001', sent.body.challenge),
    })
    expectStepUpChallenge(
      await t.register("receipt of a transaction's step-up", alice, '+60111111121'),
    )

    // alice's fresh plain receipt, replayed in bob's session.
    await completeStepUp(alice, t.device, { token: 'CR0000001' })
    const bob = t.browser('bob')
    bob.jar.set('centagate-stepup', alice.jar.get('centagate-stepup')!)
    expectStepUpChallenge(await t.register("another user's receipt", bob, '+60111111115'))

    // carol's enrol flow (password accepted, no factor) next to bob's session.
    const carol = createKitBrowser(t.handler)
    const enrol = await carol.post('login/start', { username: 'carol', password: 'carol-password' })
    expect(enrol.body).toMatchObject({ error: { code: 'not_enrolled' } })
    bob.jar.set('centagate-flow', carol.jar.get('centagate-flow')!)
    expectStepUpChallenge(await t.register("another user's enrol flow", bob, '+60111111116'))
    expect(t.registrations()).toBe(0)
  })

  it('a first factor needs no step-up: the enrol flow after a password, or a user CENTAGATE lists no factor for', async () => {
    const t = setup()
    const carol = createKitBrowser(t.handler)
    await carol.post('login/start', { username: 'carol', password: 'carol-password' })
    const first = await t.register('first factor, enrol flow', carol, '+60111111117')
    expect(first.body).toMatchObject({ status: 'registered' })

    // Another app: carol signed in (app session) with a password only and has no factor.
    const other = setup()
    const session = other.browser('carol')
    const viaSession = await other.register('first factor, app session', session, '+60111111118')
    expect(viaSession.body).toMatchObject({ status: 'registered' })
    expect(other.upstream.count('userAuthList')).toBe(1)
    // Her second factor is a factor change like any other.
    expectStepUpChallenge(
      await other.register('second factor, no step-up', session, '+60111111119'),
    )
    expect(t.events.concat(other.events)).toMatchObject([
      { allowedBy: 'first_factor', username: 'carol' },
      { allowedBy: 'first_factor', username: 'carol' },
    ])
  })

  it('CENTAGATE refusing the change leaves the step-up usable for a corrected number', async () => {
    const t = setup()
    const bob = t.browser('bob')
    await completeStepUp(bob, t.device, { sms: 'bob' })
    // alice's number: bound to another user (29004), nothing changed.
    const refused = await t.register('CENTAGATE refuses (29004)', bob, '+60123456789')
    expect(refused.body).toMatchObject({ error: { code: 'enrolment_rejected' } })
    const corrected = await t.register('same receipt, corrected number', bob, '+60111111120')
    expect(corrected.body).toMatchObject({ status: 'registered' })
    expect(t.registrations()).toBe(2)
  })

  it('a failing onFactorChanged hook is logged, the answer stays 200', async () => {
    const warnings: string[] = []
    const t = setup({
      onFactorChanged: () => Promise.reject(new Error('mail server down')),
      logger: {
        debug() {},
        info() {},
        warn: (message) => void warnings.push(message),
        error() {},
      },
    })
    const carol = t.browser('carol')
    const answer = await carol.post('tokens/register', { kind: 'hardware', serial: 'CR0000002' })
    expect(answer.status).toBe(200)
    expect(warnings).toContain('onFactorChanged failed')
  })
})
