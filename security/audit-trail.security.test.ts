// Threat: no audit trail, or one that leaks (issue 14, ASVS 7.1/7.2; PCI DSS 10.2): a bank cannot
// reconstruct who logged in, stepped up, failed, got locked out (and by whom: strangers or the
// user's own browser), changed a factor or tried to without a fresh step-up, or the trail
// itself carries what it must never hold (one-time codes, passwords, CENTAGATE authTokens and
// secretCodes, the app's keys, phone numbers, transaction text, plain usernames). And an audit
// hook that is slow or throws must never break or delay an answer. Every kit journey runs with
// `onAuditEvent` collecting; every event type must appear, and no event may carry a canary.
import { type AuditEvent, auditEventTypes } from '@centagate-kit/server'
import { afterAll, describe, expect, it } from 'vitest'
import { findCanaries } from './support/canaries'
import { loadUsername } from './support/fixtures'
import { device } from './support/kit-requests'
import { Journey, smsLoginUntilCode, smsStepUpUntilCode, wrongCode } from './support/journeys'
import { latestCode } from './support/outbox'
import { createStack } from './support/stack'

const events: AuditEvent[] = []
const stack = createStack({
  loadUsers: 3,
  handler: {
    onAuditEvent: (event) => {
      events.push(event)
    },
    // Three wrong passwords lock (the default 10 only makes the test longer).
    limits: { userMaxFailures: 3 },
  },
})
const control = stack.control.bind(stack)
/** The secrets of the journeys, besides the canaries: codes, passwords, phone, transaction text. */
const secrets = new Set<string>()
const figures: Record<string, string | number>[] = []
afterAll(() => {
  console.log('\naudit trail')
  console.table(figures)
})

/** The events delivered so far (delivery is a task after the answer: let it run). */
async function delivered(): Promise<AuditEvent[]> {
  await new Promise((resolve) => setTimeout(resolve, 10))
  return events
}

describe('audit trail (onAuditEvent)', () => {
  it('records every outcome of every journey, with no secret in any event', async () => {
    // SMS login: flow started, code sent, a wrong code, then authenticated.
    const login = await smsLoginUntilCode(stack.handle, control, 'bob', 'bob-password')
    secrets.add(login.code).add('bob-password')
    const wrong = wrongCode(login.code)
    secrets.add(wrong)
    expect((await login.journey.send('sms/verify', { code: wrong, device })).status).toBe(401)
    await login.journey.expectOk('sms/verify', { code: login.code, device })

    // Wrong passwords until carol is locked.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await new Journey(stack.handle).send('login/start', {
        username: 'carol',
        password: `wrong-password-${attempt}`,
        device,
      })
      secrets.add(`wrong-password-${attempt}`)
    }

    // Step-up for a transaction (the summary is transaction text: never in the trail).
    const user = loadUsername(0)
    const stepUp = await smsStepUpUntilCode(
      stack.handle,
      control,
      user,
      { headers: { 'x-test-user': user } },
      'tx-audit-1',
    )
    secrets.add(stepUp.code).add('Transfer MYR 10.00 to tx-audit-1')
    await stepUp.journey.expectOk('sms/verify', { code: stepUp.code, device })

    // A factor change on that step-up is refused: it was consent to the transaction only.
    secrets.add('+60111222444').add('60111222444')
    const refused = await stepUp.journey.send('tokens/register', {
      kind: 'sms',
      phoneNumber: '+60111222444',
      device,
    })
    expect(refused.status).toBe(401)

    // A step-up, then a factor change in the same browser (a fresh step-up precedes it).
    const owner = loadUsername(1)
    const enrol = await smsStepUpUntilCode(stack.handle, control, owner, {
      headers: { 'x-test-user': owner },
    })
    await enrol.journey.expectOk('sms/verify', { code: enrol.code, device })
    secrets.add(enrol.code).add('+60111222333').add('60111222333')
    await enrol.journey.expectOk('tokens/register', {
      kind: 'sms',
      phoneNumber: '+60111222333',
      device,
    })

    // A flow abandoned.
    const abandoned = new Journey(stack.handle)
    await abandoned.expectOk('login/start', {
      username: loadUsername(2),
      password: 'load-password-2',
      device,
    })
    secrets.add('load-password-2')
    await abandoned.expectOk('flow/cancel', { device })

    const trail = await delivered()
    const byType = Object.fromEntries(
      auditEventTypes.map((type) => [type, trail.filter((event) => event.type === type).length]),
    )
    figures.push(...auditEventTypes.map((type) => ({ event: type, count: byType[type] ?? 0 })))
    for (const type of auditEventTypes) expect(byType[type], type).toBeGreaterThan(0)

    // The shape: who (pseudonym), what, when, where from; the facts the journeys imply.
    const pseudonym = /^[0-9a-f]{16}$/
    for (const event of trail) {
      expect(event.requestId).toMatch(/^[A-Za-z0-9_-]{12,}$/)
      expect(event.time).toBeGreaterThan(0)
      expect(event.clientIp.length).toBeGreaterThan(0)
      if (event.user !== undefined) expect(event.user).toMatch(pseudonym)
    }
    const first = (type: AuditEvent['type']) => trail.find((event) => event.type === type)!
    // Wrong passwords from a browser carol never signed in on lock the unknown clients only.
    expect(first('locked')).toMatchObject({
      route: 'login/start',
      outcome: 'locked',
      clientClass: 'unknown',
    })
    expect(first('locked').lockedUntil).toBeGreaterThan(Date.now())
    expect(first('verification_failed')).toMatchObject({
      route: 'sms/verify',
      method: 'sms',
      outcome: 'otp_invalid',
      flow: 'login',
    })
    expect(first('step_up_completed')).toMatchObject({
      route: 'sms/verify',
      method: 'sms',
      flow: 'stepup',
      transactionId: 'tx-audit-1',
      outcome: 'success',
    })
    expect(first('factor_changed')).toMatchObject({
      route: 'tokens/register',
      method: 'sms',
      outcome: 'success',
      clientClass: 'known',
    })
    expect(first('factor_change_refused')).toMatchObject({
      route: 'tokens/register',
      method: 'sms',
      outcome: 'step_up_required',
    })
    expect(first('factor_change_refused').user).toBe(first('step_up_completed').user)
    expect(first('flow_abandoned')).toMatchObject({ route: 'flow/cancel', flow: 'login' })
    // One pseudonym per user: bob's events name the same pseudonym, never "bob".
    const bob = trail.filter((event) => event.route === 'sms/verify' && event.flow === 'login')
    expect(new Set(bob.map((event) => event.user)).size).toBe(1)

    // Nothing secret: canaries, codes, passwords, phone, transaction text, CENTAGATE's
    // authTokens and secretCodes, plain usernames.
    const text = JSON.stringify(trail)
    const state = stack.emulator.export()
    const upstreamSecrets = [
      ...Object.keys(state.liveTokens),
      ...Object.keys(state.retiredTokens),
      ...Object.values(state.sessions)
        .map((session) => session.secretCode)
        .filter((code) => code.length > 0),
    ]
    expect(upstreamSecrets.length).toBeGreaterThan(5)
    const usernames = ['bob', 'carol', user, owner, loadUsername(2)]
    const hits = [
      ...findCanaries(stack.canaries, 'audit events', text).map((hit) => hit.canary),
      ...[...secrets, ...upstreamSecrets].filter((secret) => text.includes(secret)),
      ...usernames.filter((name) => new RegExp(`"${name}"`).test(text)),
    ]
    figures.push(
      { event: 'events', count: trail.length },
      {
        event: 'secrets checked (codes, passwords, tokens, canaries...)',
        count: secrets.size + upstreamSecrets.length + 5,
      },
      { event: 'secrets found in events', count: hits.length },
    )
    expect(hits).toEqual([])
  })

  it('a hook that throws, rejects or never settles neither breaks nor holds an answer', async () => {
    let calls = 0
    const hooks: ((event: AuditEvent) => void | Promise<void>)[] = [
      () => {
        calls += 1
        throw new Error('audit store down')
      },
      () => {
        calls += 1
        return Promise.reject(new TypeError('audit store down'))
      },
      () => {
        calls += 1
        return new Promise<void>(() => undefined)
      },
    ]
    for (const onAuditEvent of hooks) {
      const local = createStack({ handler: { onAuditEvent } })
      const journey = new Journey(local.handle)
      await journey.expectOk('login/start', { username: 'bob', password: 'bob-password', device })
      await journey.expectOk('sms/send', { device })
      const code = latestCode(await local.control('outbox?username=bob'))
      const answer = await journey.send('sms/verify', { code, device })
      expect(answer.status).toBe(200)
      expect((answer.json as { status: string }).status).toBe('authenticated')
      await new Promise((resolve) => setTimeout(resolve, 10))
      if (onAuditEvent !== hooks[2]) {
        expect(local.serverLog.lines.join('\n')).toMatch(/onAuditEvent failed/)
      }
    }
    // Three journeys of three events each reached the hooks.
    expect(calls).toBe(9)
    figures.push({ event: 'answers with a throwing / rejecting / hanging hook', count: '3 x 200' })
  })
})
