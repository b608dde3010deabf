// The code methods (SMS, challenge-response) on their own, against the fake kit server: every
// entry of `codeTransitions` is taken by a test here (checked at the end).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KitErrorCode, SmsSendResponse } from '@centagate-kit/protocol'
import { createDeviceSignals } from '../../device-signals'
import { createKitClient } from '../../kit-client'
import { bodies, createFakeKitFetch } from '@centagate-kit/testkit/fake-kit-fetch'
import type { FakeAnswer, RouteHandler } from '@centagate-kit/testkit/fake-kit-fetch'
import { createChallengeMachine } from '../challenge/challenge-machine'
import { createSmsMachine } from '../sms/sms-machine'
import { codeTransitions } from './code-transitions'
import type { CodeState } from './code-transitions'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

const settle = () => vi.advanceTimersByTimeAsync(0)
const never: RouteHandler = () => new Promise<FakeAnswer>(() => {})
/** Every (state, event, table entry) a test in this file took. */
const covered = new Set<string>()

type Method = 'sms' | 'challenge'

function setup(method: Method = 'sms', options: { serverOffsetMs?: number } = {}) {
  const server = createFakeKitFetch(
    options.serverOffsetMs === undefined ? {} : { serverOffsetMs: options.serverOffsetMs },
  )
  const now = server.serverNow
  server.on('sms/send', () => ({ body: bodies.smsSent(now()) }))
  server.on('challenge/send', () => ({ body: bodies.challengeSent(now()) }))
  server.on('sms/verify', () => ({ body: bodies.authenticated(now(), 'sms') }))
  server.on('challenge/verify', () => ({ body: bodies.authenticated(now(), 'challenge') }))
  const client = createKitClient({
    fetch: server.fetch,
    deviceSignals: createDeviceSignals({ fingerprint: false }),
  })
  const onAuthenticated = vi.fn()
  const create = method === 'sms' ? createSmsMachine : createChallengeMachine
  const machine = create({
    client,
    onAuthenticated,
    onTransition: ({ from, event, index }) => covered.add(`${from} ${event} #${index}`),
  })
  const states: CodeState[] = []
  machine.subscribe(() => {
    const state = machine.getSnapshot().state
    if (states.at(-1) !== state) states.push(state)
  })
  const state = () => machine.getSnapshot().state
  const send = `${method}/send` as const
  const verify = `${method}/verify` as const
  return { server, client, machine, states, state, onAuthenticated, now, send, verify }
}

/** A machine whose code was sent. */
async function sent(method: Method = 'sms', options: Parameters<typeof setup>[1] = {}) {
  const t = setup(method, options)
  t.machine.send({ type: 'CODE.SEND' })
  await settle()
  return t
}

/** A sent code, then a verify answered with `error`. */
async function verifyFails(method: Method, error: KitErrorCode, fields = {}) {
  const t = await sent(method)
  t.server.on(t.verify, () => ({ error, fields }))
  t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
  await settle()
  return t
}

describe.each(['sms', 'challenge'] as const)('%s machine: sending', (method) => {
  it('starts idle with nothing sent', () => {
    const { machine } = setup(method)
    expect(machine.getSnapshot()).toEqual({ state: 'idle', method })
  })

  it('CODE.SEND → sending → awaiting-otp with the send answer and the attempt budget', async () => {
    const t = setup(method)
    t.machine.send({ type: 'CODE.SEND' })
    expect(t.state()).toBe('sending')
    await settle()
    expect(t.states).toEqual(['sending', 'awaiting-otp'])
    expect(t.machine.getSnapshot()).toMatchObject({ sent: { method }, attemptsLeft: 5 })
  })

  it('a double click: CODE.SEND while sending is ignored → exactly one send', async () => {
    const t = setup(method)
    t.machine.send({ type: 'CODE.SEND' })
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.server.calls(t.send)).toHaveLength(1)
    expect(t.state()).toBe('awaiting-otp')
  })

  it('a first send failing → error; RETRY sends again', async () => {
    const t = setup(method)
    let fail = true
    t.server.on(t.send, () =>
      fail
        ? { error: 'upstream_timeout' }
        : { body: method === 'sms' ? bodies.smsSent(t.now()) : bodies.challengeSent(t.now()) },
    )
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'error',
      error: { code: 'upstream_timeout' },
    })
    fail = false
    t.machine.send({ type: 'RETRY' })
    await settle()
    expect(t.state()).toBe('awaiting-otp')
    expect(t.server.calls(t.send)).toHaveLength(2)
  })

  it.each([
    ['locked', 'locked'],
    ['challenge_locked', 'locked'],
    ['otp_expired', 'expired'],
    ['rejected', 'denied'],
    ['not_enrolled', 'error'],
  ] as const)('a first send failing with %s → %s', async (code, target) => {
    const t = setup(method)
    t.server.on(t.send, () => ({ error: code }))
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({ state: target, error: { code } })
  })
})

describe('sms machine: the resend cooldown', () => {
  it('a resend after the cooldown: a double click still sends one more SMS', async () => {
    const t = await sent()
    await vi.advanceTimersByTimeAsync(60_000)
    t.machine.send({ type: 'CODE.SEND' })
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.server.calls('sms/send')).toHaveLength(2)
  })

  it('CODE.SEND during the cooldown is refused locally with the exact wait (server clock)', async () => {
    const t = await sent('sms', { serverOffsetMs: 90_000 })
    const resendAvailableAt = (t.machine.getSnapshot().sent as SmsSendResponse).resendAvailableAt
    // 59 s later by the server's clock (which is 90 s ahead of ours): still cooling down.
    await vi.advanceTimersByTimeAsync(59_000)
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'awaiting-otp',
      error: { code: 'rate_limited', status: 0 },
      retryAt: resendAvailableAt,
    })
    expect(t.server.calls('sms/send')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1_000)
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.server.calls('sms/send')).toHaveLength(2)
    expect(t.machine.getSnapshot().error).toBeUndefined()
  })

  it('a resend the server refuses (rate_limited) → back to awaiting-otp with retryAt, the code kept', async () => {
    const t = await sent()
    await vi.advanceTimersByTimeAsync(60_000)
    const retryAt = t.now() + 3_600_000
    t.server.on('sms/send', () => ({ error: 'rate_limited', fields: { retryAt } }))
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.states.slice(-2)).toEqual(['sending', 'awaiting-otp'])
    expect(t.machine.getSnapshot()).toMatchObject({ retryAt, error: { code: 'rate_limited' } })
    expect((t.machine.getSnapshot().sent as SmsSendResponse).maskedPhone).toBe('•••• 4567')
  })

  it.each([
    ['rejected', 'denied'],
    ['challenge_locked', 'locked'],
    ['upstream_unavailable', 'error'],
  ] as const)(
    'after %s (→ %s) within the cooldown a resend is refused locally, then goes out',
    async (code, target) => {
      const t = await verifyFails('sms', code)
      expect(t.state()).toBe(target)
      t.machine.send({ type: 'CODE.SEND' })
      await settle()
      expect(t.machine.getSnapshot()).toMatchObject({
        state: target,
        error: { code: 'rate_limited' },
      })
      expect(t.server.calls('sms/send')).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(60_000)
      t.machine.send({ type: 'CODE.SEND' })
      await settle()
      expect(t.state()).toBe('awaiting-otp')
      expect(t.server.calls('sms/send')).toHaveLength(2)
    },
  )
})

describe.each(['sms', 'challenge'] as const)('%s machine: verifying', (method) => {
  it('CODE.SUBMIT → verifying → approved; the typed code normalised; onAuthenticated once', async () => {
    const t = await sent(method)
    t.machine.send({ type: 'CODE.SUBMIT', code: '123 456' })
    expect(t.state()).toBe('verifying')
    await settle()
    expect(t.states.slice(-2)).toEqual(['verifying', 'approved'])
    const body = t.server.calls(t.verify)[0]?.body
    expect(body?.[method === 'sms' ? 'code' : 'response']).toBe('123456')
    expect(t.machine.getSnapshot().result).toMatchObject({ status: 'authenticated', method })
    expect(t.onAuthenticated).toHaveBeenCalledTimes(1)
    expect(t.onAuthenticated).toHaveBeenCalledWith(t.machine.getSnapshot().result)
  })

  it('factor_required → approved with that result (another factor); onAuthenticated not called', async () => {
    const t = await sent(method)
    t.server.on(t.verify, () => ({ body: bodies.factorRequired(t.now(), ['qr']) }))
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'approved',
      result: { status: 'factor_required' },
    })
    expect(t.onAuthenticated).not.toHaveBeenCalled()
  })

  it('a double submit verifies once', async () => {
    const t = await sent(method)
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(t.server.calls(t.verify)).toHaveLength(1)
  })

  it('a malformed code is refused locally (invalid_input on the request field), nothing sent', async () => {
    const t = await sent(method)
    t.machine.send({ type: 'CODE.SUBMIT', code: '12a' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'awaiting-otp',
      error: { code: 'invalid_input', fields: [method === 'sms' ? 'code' : 'response'] },
    })
    expect(t.server.calls(t.verify)).toHaveLength(0)
  })

  it('otp_invalid → back to awaiting-otp with the attempts left', async () => {
    const t = await verifyFails(method, 'otp_invalid', { attemptsLeft: 2 })
    expect(t.states.slice(-2)).toEqual(['verifying', 'awaiting-otp'])
    expect(t.machine.getSnapshot()).toMatchObject({
      attemptsLeft: 2,
      error: { code: 'otp_invalid' },
    })
  })

  it.each(['invalid_input', 'rate_limited'] as const)(
    'a verify refused with %s → back to awaiting-otp',
    async (code) => {
      const t = await verifyFails(method, code)
      expect(t.machine.getSnapshot()).toMatchObject({ state: 'awaiting-otp', error: { code } })
    },
  )

  it('otp_expired → expired; CODE.SEND sends a new code and clears the error', async () => {
    const t = await verifyFails(method, 'otp_expired')
    expect(t.state()).toBe('expired')
    if (method === 'sms') await vi.advanceTimersByTimeAsync(60_000)
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('awaiting-otp')
    expect(t.server.calls(t.send)).toHaveLength(2)
    expect(t.machine.getSnapshot().error).toBeUndefined()
  })

  it('locked (user) → locked: no resend, even after a while', async () => {
    const lockedUntil = Date.now() + 900_000
    const t = await verifyFails(method, 'locked', { lockedUntil })
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'locked',
      lockScope: 'user',
      lockedUntil,
    })
    await vi.advanceTimersByTimeAsync(120_000)
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('locked')
    expect(t.server.calls(t.send)).toHaveLength(1)
  })

  it('challenge_locked → locked (challenge): a new code unlocks it', async () => {
    const t = await verifyFails(method, 'challenge_locked', { attemptsLeft: 0 })
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'locked',
      lockScope: 'challenge',
      attemptsLeft: 0,
    })
    if (method === 'sms') await vi.advanceTimersByTimeAsync(60_000)
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('awaiting-otp')
    expect(t.machine.getSnapshot().attemptsLeft).toBe(5)
    expect(t.machine.getSnapshot().lockScope).toBeUndefined()
  })

  it('a new code for a locked challenge refused by quota: still locked, with retryAt', async () => {
    const t = await verifyFails(method, 'challenge_locked', { attemptsLeft: 0 })
    if (method === 'sms') await vi.advanceTimersByTimeAsync(60_000)
    const retryAt = t.now() + 3_600_000
    t.server.on(t.send, () => ({ error: 'rate_limited', fields: { retryAt } }))
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'locked',
      lockScope: 'challenge',
      retryAt,
    })
  })

  it('rejected → denied; CODE.SEND asks for a new code', async () => {
    const t = await verifyFails(method, 'rejected')
    expect(t.state()).toBe('denied')
    if (method === 'sms') await vi.advanceTimersByTimeAsync(60_000)
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('awaiting-otp')
  })

  it('a verify failing on the network → error; RETRY verifies the same code again', async () => {
    const t = await sent(method)
    let fail = true
    t.server.on(t.verify, () =>
      fail ? new Response('down', { status: 503 }) : { body: bodies.authenticated(t.now()) },
    )
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'error',
      error: { code: 'bad_response' },
    })
    fail = false
    t.machine.send({ type: 'RETRY' })
    await settle()
    expect(t.state()).toBe('approved')
    const field = method === 'sms' ? 'code' : 'response'
    expect(t.server.calls(t.verify).map((r) => r.body[field])).toEqual(['123456', '123456'])
  })

  it('error after a failed verify: a new code is verified, a malformed one refused', async () => {
    const t = await verifyFails(method, 'upstream_unavailable')
    t.machine.send({ type: 'CODE.SUBMIT', code: 'abc' })
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'error',
      error: { code: 'invalid_input' },
    })
    t.server.on(t.verify, () => ({ body: bodies.authenticated(t.now()) }))
    t.machine.send({ type: 'CODE.SUBMIT', code: '654321' })
    await settle()
    expect(t.state()).toBe('approved')
  })

  it('error after a failed verify: CODE.SEND asks for a new code', async () => {
    const t = await verifyFails(method, 'upstream_unavailable')
    if (method === 'sms') await vi.advanceTimersByTimeAsync(60_000)
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('awaiting-otp')
    expect(t.server.calls(t.send)).toHaveLength(2)
  })
})

describe.each(['sms', 'challenge'] as const)('%s machine: expiry (server clock)', (method) => {
  it('the code expiring moves awaiting-otp to expired, saying so (a stale wrong-code error replaced)', async () => {
    const t = await sent(method, { serverOffsetMs: 90_000 })
    t.server.on(t.verify, () => ({ error: 'otp_invalid', fields: { attemptsLeft: 4 } }))
    t.machine.send({ type: 'CODE.SUBMIT', code: '000000' })
    await settle()
    expect(t.machine.getSnapshot().error?.code).toBe('otp_invalid')
    await vi.advanceTimersByTimeAsync(298_000)
    expect(t.state()).toBe('awaiting-otp')
    await vi.advanceTimersByTimeAsync(2_000)
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'expired',
      error: { code: 'otp_expired', status: 0 },
      sent: { method },
    })
  })

  it('a code submitted after the expiry is answered (otp_expired again), never silently dropped', async () => {
    const t = await sent(method)
    await vi.advanceTimersByTimeAsync(300_000)
    const before = t.machine.getSnapshot()
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    const after = t.machine.getSnapshot()
    expect(after.state).toBe('expired')
    expect(after.error?.code).toBe('otp_expired')
    expect(after.error).not.toBe(before.error) // a new error: the view announces it again
    expect(t.server.calls(t.verify)).toHaveLength(0)
  })
})

describe('sms machine: a code that expires inside the resend cooldown', () => {
  it('expired: an early resend is refused locally with the wait; after the cooldown it goes out', async () => {
    const t = setup('sms')
    t.server.on('sms/send', () => ({
      body: bodies.smsSent(t.now(), { expiresAt: t.now() + 30_000 }),
    }))
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(t.state()).toBe('expired')
    t.machine.send({ type: 'CODE.SEND' })
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'expired',
      error: { code: 'rate_limited' },
      retryAt: (t.machine.getSnapshot().sent as SmsSendResponse).resendAvailableAt,
    })
    expect(t.server.calls('sms/send')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(30_000)
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('awaiting-otp')
    expect(t.server.calls('sms/send')).toHaveLength(2)
  })
})

describe('code machines: lifecycle', () => {
  it('an onAuthenticated that throws does not wedge the machine', async () => {
    const t = await sent()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    t.onAuthenticated.mockImplementation(() => {
      throw new Error('app bug')
    })
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(t.state()).toBe('approved')
    expect(error).toHaveBeenCalledTimes(1)
    error.mockRestore()
  })

  it('dispose() aborts the request in flight and stops the expiry timer', async () => {
    const t = await sent()
    t.server.on('sms/verify', never)
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    const signal = t.server.calls('sms/verify')[0]?.signal
    t.machine.dispose()
    expect(signal?.aborted).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('CODE.SEND while verifying is ignored: the verify in flight stays', async () => {
    const t = await sent('challenge')
    t.server.on('challenge/verify', never)
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    const signal = t.server.calls('challenge/verify')[0]?.signal
    t.machine.send({ type: 'CODE.SEND' })
    expect(signal?.aborted).toBe(false)
    expect(t.state()).toBe('verifying')
  })
})

describe('codeTransitions', () => {
  it('has an entry for every state of CodeState', () => {
    expect(Object.keys(codeTransitions).sort()).toEqual(
      [
        'approved',
        'awaiting-otp',
        'denied',
        'error',
        'expired',
        'idle',
        'locked',
        'sending',
        'verifying',
      ].sort(),
    )
  })

  it('every entry was taken by a test in this file', () => {
    const all = Object.entries(codeTransitions).flatMap(([state, events]) =>
      Object.entries(events).flatMap(([event, list]) =>
        (list ?? []).map((_, index) => `${state} ${event} #${index}`),
      ),
    )
    expect(all.length).toBeGreaterThan(25)
    expect(all.filter((entry) => !covered.has(entry))).toEqual([])
  })
})
