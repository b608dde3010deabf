import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KitMethod } from '@centagate-kit/protocol'
import { createDeviceSignals } from './device-signals'
import { createKitClient } from './kit-client'
import { createStepUpMachine, stepUpTransitions } from './step-up-machine'
import type { StepUpState } from './step-up-machine'
import { bodies, createFakeKitFetch } from './testing/fake-kit-fetch'
import type { FakeAnswer, RouteHandler } from './testing/fake-kit-fetch'
import { createManualVisibility } from './visibility'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

const settle = () => vi.advanceTimersByTimeAsync(0)

function setup(options: { methods?: KitMethod[]; serverOffsetMs?: number } = {}) {
  const server = createFakeKitFetch(
    options.serverOffsetMs === undefined ? {} : { serverOffsetMs: options.serverOffsetMs },
  )
  const now = server.serverNow
  const methods = options.methods ?? ['qr', 'challenge', 'sms']
  server.on('stepup/start', () => ({ body: bodies.factorRequired(now(), methods) }))
  server.on('login/start', () => ({
    body: bodies.factorRequired(now(), methods, { flow: 'login' }),
  }))
  server.on('sms/send', () => ({ body: bodies.smsSent(now()) }))
  server.on('challenge/send', () => ({ body: bodies.challengeSent(now()) }))
  server.on('qr/send', () => ({ body: bodies.qrSent(now()) }))
  server.on('qr/status', () => ({ body: bodies.qrPending(now()) }))
  server.on('sms/verify', () => ({ body: bodies.authenticated(now(), 'sms') }))
  server.on('challenge/verify', () => ({ body: bodies.authenticated(now(), 'challenge') }))
  server.on('qr/verify', () => ({ body: bodies.authenticated(now(), 'qr') }))
  server.on('flow/cancel', () => ({ body: { status: 'cancelled', serverTime: now() } }))
  const client = createKitClient({
    fetch: server.fetch,
    deviceSignals: createDeviceSignals({ fingerprint: false }),
  })
  const visibility = createManualVisibility()
  const onAuthenticated = vi.fn()
  const machine = createStepUpMachine({ client, visibility, onAuthenticated })
  const states: StepUpState[] = []
  machine.subscribe(() => {
    const state = machine.getSnapshot().state
    if (states.at(-1) !== state) states.push(state)
  })
  const state = () => machine.getSnapshot().state
  return { server, client, machine, states, state, onAuthenticated, visibility, now }
}

/** Started step-up with the given method chosen and its code sent. */
async function chosen(method: KitMethod, options: Parameters<typeof setup>[0] = {}) {
  const t = setup(options)
  t.machine.send({ type: 'START.STEPUP', transactionId: 'tx-1' })
  await settle()
  t.machine.send({ type: 'METHOD.CHOOSE', method })
  await settle()
  return t
}

const never: RouteHandler = () => new Promise<FakeAnswer>(() => {})

describe('step-up machine: starting', () => {
  it('starts idle with no methods', () => {
    const { machine } = setup()
    expect(machine.getSnapshot()).toEqual({ state: 'idle', methods: [] })
  })

  it('START.STEPUP → starting → choosing with the methods, no auto-choice among several', async () => {
    const { machine, states, server } = setup()
    machine.send({ type: 'START.STEPUP', transactionId: 'tx-1' })
    expect(machine.getSnapshot().state).toBe('starting')
    await settle()
    expect(states).toEqual(['starting', 'choosing'])
    const snapshot = machine.getSnapshot()
    expect(snapshot.flow).toBe('stepup')
    expect(snapshot.methods.map((m) => m.method)).toEqual(['qr', 'challenge', 'sms'])
    expect(snapshot.method).toBeUndefined()
    expect(server.calls('stepup/start')[0]?.body.transactionId).toBe('tx-1')
    expect(server.calls('sms/send')).toHaveLength(0)
  })

  it('never auto-chooses sms when another method exists', async () => {
    const { machine, server, state } = setup({ methods: ['challenge', 'sms'] })
    machine.send({ type: 'START.STEPUP' })
    await settle()
    expect(state()).toBe('choosing')
    expect(server.requests.map((r) => r.route)).toEqual(['stepup/start'])
  })

  it.each([
    ['sms', 'sms/send', 'awaiting-otp'],
    ['challenge', 'challenge/send', 'awaiting-otp'],
    ['qr', 'qr/send', 'awaiting-approval'],
  ] as const)('auto-chooses the only method %s and sends it', async (method, route, target) => {
    const { machine, server, states } = setup({ methods: [method] })
    machine.send({ type: 'START.LOGIN', username: 'alice', password: 'pw' })
    await settle()
    expect(states).toEqual(['starting', 'sending', target])
    expect(machine.getSnapshot().method).toBe(method)
    expect(server.calls(route)).toHaveLength(1)
    expect(server.calls('login/start')[0]?.body).toMatchObject({
      username: 'alice',
      password: 'pw',
    })
  })

  it('authenticated at start → approved, onAuthenticated called once', async () => {
    const { machine, server, states, onAuthenticated } = setup()
    server.on('login/start', () => ({ body: bodies.authenticated(server.serverNow(), 'password') }))
    machine.send({ type: 'START.LOGIN', username: 'alice', password: 'pw' })
    await settle()
    expect(states).toEqual(['starting', 'approved'])
    expect(machine.getSnapshot().result?.method).toBe('password')
    expect(onAuthenticated).toHaveBeenCalledTimes(1)
  })

  it('an onAuthenticated that throws does not wedge the machine', async () => {
    const t = setup({ methods: ['sms'] })
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const machine = createStepUpMachine({
      client: t.client,
      visibility: t.visibility,
      onAuthenticated: () => {
        throw new Error('app bug')
      },
    })
    machine.send({ type: 'START.STEPUP' })
    await settle()
    machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(machine.getSnapshot().state).toBe('approved')
    expect(error).toHaveBeenCalledTimes(1)
    error.mockRestore()
  })

  it('a double START while starting sends one request', async () => {
    const { machine, server } = setup()
    machine.send({ type: 'START.STEPUP' })
    machine.send({ type: 'START.STEPUP' })
    await settle()
    expect(server.calls('stepup/start')).toHaveLength(1)
  })

  it('start failure → error; RETRY repeats the start', async () => {
    const { machine, server, states } = setup()
    let fail = true
    server.on('stepup/start', () =>
      fail
        ? { error: 'upstream_unavailable' }
        : { body: bodies.factorRequired(server.serverNow(), ['qr', 'sms']) },
    )
    machine.send({ type: 'START.STEPUP', transactionId: 'tx-7' })
    await settle()
    expect(machine.getSnapshot().state).toBe('error')
    expect(machine.getSnapshot().error?.code).toBe('upstream_unavailable')
    fail = false
    machine.send({ type: 'RETRY' })
    await settle()
    expect(states).toEqual(['starting', 'error', 'starting', 'choosing'])
    expect(machine.getSnapshot().error).toBeUndefined()
    expect(server.calls('stepup/start').map((r) => r.body.transactionId)).toEqual(['tx-7', 'tx-7'])
  })

  it('start refused with locked → locked (user lock)', async () => {
    const { machine, server } = setup()
    const lockedUntil = server.serverNow() + 900_000
    server.on('login/start', () => ({ error: 'locked', fields: { lockedUntil } }))
    machine.send({ type: 'START.LOGIN', username: 'alice' })
    await settle()
    expect(machine.getSnapshot()).toMatchObject({ state: 'locked', lockScope: 'user', lockedUntil })
  })
})

describe('step-up machine: sending', () => {
  it.each([
    ['sms', 'awaiting-otp', 'sms'],
    ['challenge', 'awaiting-otp', 'challenge'],
    ['qr', 'awaiting-approval', 'qr'],
  ] as const)('METHOD.CHOOSE %s → sending → %s with the send data', async (method, target, key) => {
    const { machine, states } = await chosen(method)
    expect(states).toEqual(['starting', 'choosing', 'sending', target])
    const snapshot = machine.getSnapshot()
    expect(snapshot[key]?.method).toBe(method)
    expect(snapshot.attemptsLeft).toBe(5)
  })

  it('METHOD.CHOOSE of a method not offered is ignored', async () => {
    const { machine, server, state } = setup({ methods: ['qr', 'challenge'] })
    machine.send({ type: 'START.STEPUP' })
    await settle()
    machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    await settle()
    expect(state()).toBe('choosing')
    expect(server.calls('sms/send')).toHaveLength(0)
  })

  it('double click: CODE.SEND while sending is ignored → exactly one sms/send', async () => {
    const t = setup()
    t.machine.send({ type: 'START.STEPUP' })
    await settle()
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    t.machine.send({ type: 'CODE.SEND' })
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.server.calls('sms/send')).toHaveLength(1)
    expect(t.state()).toBe('awaiting-otp')
  })

  it('resend: a double click after the cooldown still sends one SMS', async () => {
    const { machine, server } = await chosen('sms')
    await vi.advanceTimersByTimeAsync(60_000)
    machine.send({ type: 'CODE.SEND' })
    machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(server.calls('sms/send')).toHaveLength(2)
  })

  it('CODE.SEND during the resend cooldown is refused locally with the exact wait', async () => {
    const { machine, server, state } = await chosen('sms', { serverOffsetMs: 90_000 })
    const resendAvailableAt = machine.getSnapshot().sms?.resendAvailableAt
    // 59 s later by the server's clock (which is 90 s ahead of ours): still cooling down.
    await vi.advanceTimersByTimeAsync(59_000)
    machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(state()).toBe('awaiting-otp')
    expect(machine.getSnapshot().error?.code).toBe('rate_limited')
    expect(machine.getSnapshot().retryAt).toBe(resendAvailableAt)
    expect(server.calls('sms/send')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1_000)
    machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(server.calls('sms/send')).toHaveLength(2)
    expect(machine.getSnapshot().error).toBeUndefined()
  })

  it('a resend refused by the server (rate_limited) returns to awaiting-otp with retryAt', async () => {
    const { machine, server, states } = await chosen('sms')
    await vi.advanceTimersByTimeAsync(60_000)
    const retryAt = server.serverNow() + 3_600_000
    server.on('sms/send', () => ({ error: 'rate_limited', fields: { retryAt } }))
    machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(states.slice(-2)).toEqual(['sending', 'awaiting-otp'])
    expect(machine.getSnapshot()).toMatchObject({ retryAt, error: { code: 'rate_limited' } })
    expect(machine.getSnapshot().sms?.maskedPhone).toBe('•••• 4567')
  })

  it('send failure without a code → error; RETRY sends again', async () => {
    const t = setup()
    t.machine.send({ type: 'START.STEPUP' })
    await settle()
    let fail = true
    t.server.on('challenge/send', () =>
      fail ? { error: 'upstream_timeout' } : { body: bodies.challengeSent(t.now()) },
    )
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'challenge' })
    await settle()
    expect(t.state()).toBe('error')
    fail = false
    t.machine.send({ type: 'RETRY' })
    await settle()
    expect(t.state()).toBe('awaiting-otp')
    expect(t.server.calls('challenge/send')).toHaveLength(2)
  })

  it('not_enrolled on send → error', async () => {
    const t = setup()
    t.machine.send({ type: 'START.STEPUP' })
    await settle()
    t.server.on('sms/send', () => ({ error: 'not_enrolled' }))
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'error',
      error: { code: 'not_enrolled' },
    })
  })
})

describe('step-up machine: choosing the same method again', () => {
  it('a double click on the SMS method button sends one SMS', async () => {
    const t = setup()
    t.machine.send({ type: 'START.STEPUP' })
    await settle()
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    await settle()
    expect(t.server.calls('sms/send')).toHaveLength(1)
    expect(t.server.calls('sms/send')[0]?.signal?.aborted).toBe(false)
    expect(t.state()).toBe('awaiting-otp')
  })

  it('choosing the method in progress again is ignored (no resend behind the cooldown)', async () => {
    const { machine, server } = await chosen('sms')
    const before = machine.getSnapshot()
    machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    await settle()
    expect(machine.getSnapshot()).toBe(before)
    expect(server.calls('sms/send')).toHaveLength(1)
  })

  it('from expired, SMS again within the cooldown is refused locally', async () => {
    const { machine, server, state } = await chosen('sms')
    server.on('sms/verify', () => ({ error: 'otp_expired' }))
    machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(state()).toBe('expired')
    machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(state()).toBe('expired')
    expect(machine.getSnapshot().error?.code).toBe('rate_limited')
    expect(server.calls('sms/send')).toHaveLength(1)
    // Another method is fine.
    machine.send({ type: 'METHOD.CHOOSE', method: 'challenge' })
    await settle()
    expect(state()).toBe('awaiting-otp')
  })
})

describe('step-up machine: verifying', () => {
  it('CODE.SUBMIT → verifying → approved', async () => {
    const { machine, server, states, onAuthenticated } = await chosen('sms')
    machine.send({ type: 'CODE.SUBMIT', code: '123 456' })
    expect(machine.getSnapshot().state).toBe('verifying')
    await settle()
    expect(states.slice(-2)).toEqual(['verifying', 'approved'])
    expect(server.calls('sms/verify')[0]?.body.code).toBe('123456')
    expect(onAuthenticated).toHaveBeenCalledWith(machine.getSnapshot().result)
  })

  it('challenge: the response goes to challenge/verify', async () => {
    const { machine, server, state } = await chosen('challenge')
    machine.send({ type: 'CODE.SUBMIT', code: '87654321' })
    await settle()
    expect(state()).toBe('approved')
    expect(server.calls('challenge/verify')[0]?.body.response).toBe('87654321')
  })

  it('a double submit sends one verify', async () => {
    const { machine, server } = await chosen('sms')
    machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(server.calls('sms/verify')).toHaveLength(1)
  })

  it('a malformed code is refused locally (invalid_input), nothing sent', async () => {
    const { machine, server, state } = await chosen('sms')
    machine.send({ type: 'CODE.SUBMIT', code: '12a' })
    await settle()
    expect(state()).toBe('awaiting-otp')
    expect(machine.getSnapshot().error).toMatchObject({ code: 'invalid_input', fields: ['code'] })
    expect(server.calls('sms/verify')).toHaveLength(0)
  })

  it('otp_invalid → awaiting-otp with attemptsLeft', async () => {
    const { machine, server, states } = await chosen('sms')
    server.on('sms/verify', () => ({ error: 'otp_invalid', fields: { attemptsLeft: 2 } }))
    machine.send({ type: 'CODE.SUBMIT', code: '000000' })
    await settle()
    expect(states.slice(-2)).toEqual(['verifying', 'awaiting-otp'])
    expect(machine.getSnapshot()).toMatchObject({ attemptsLeft: 2, error: { code: 'otp_invalid' } })
  })

  it('otp_expired → expired; CODE.SEND from expired sends a new code', async () => {
    const { machine, server, state } = await chosen('challenge')
    server.on('challenge/verify', () => ({ error: 'otp_expired' }))
    machine.send({ type: 'CODE.SUBMIT', code: '000000' })
    await settle()
    expect(state()).toBe('expired')
    machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(state()).toBe('awaiting-otp')
    expect(server.calls('challenge/send')).toHaveLength(2)
    expect(machine.getSnapshot().error).toBeUndefined()
  })

  it('locked → locked (user): no resend, no method switch', async () => {
    const { machine, server, state } = await chosen('sms')
    const lockedUntil = server.serverNow() + 900_000
    server.on('sms/verify', () => ({ error: 'locked', fields: { lockedUntil } }))
    machine.send({ type: 'CODE.SUBMIT', code: '000000' })
    await settle()
    expect(machine.getSnapshot()).toMatchObject({ state: 'locked', lockScope: 'user', lockedUntil })
    await vi.advanceTimersByTimeAsync(120_000)
    machine.send({ type: 'CODE.SEND' })
    machine.send({ type: 'METHOD.CHOOSE', method: 'challenge' })
    await settle()
    expect(state()).toBe('locked')
    expect(server.calls('sms/send')).toHaveLength(1)
    expect(server.calls('challenge/send')).toHaveLength(0)
  })

  it('challenge_locked → locked (challenge): the user must resend', async () => {
    const { machine, server, state } = await chosen('challenge')
    server.on('challenge/verify', () => ({
      error: 'challenge_locked',
      fields: { attemptsLeft: 0 },
    }))
    machine.send({ type: 'CODE.SUBMIT', code: '000000' })
    await settle()
    expect(machine.getSnapshot()).toMatchObject({
      state: 'locked',
      lockScope: 'challenge',
      attemptsLeft: 0,
    })
    machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(state()).toBe('awaiting-otp')
    expect(machine.getSnapshot().attemptsLeft).toBe(5)
    expect(machine.getSnapshot().lockScope).toBeUndefined()
    expect(server.calls('challenge/send')).toHaveLength(2)
  })

  it('a new code for a locked challenge refused by quota: still locked, with retryAt', async () => {
    const { machine, server, state } = await chosen('challenge')
    server.on('challenge/verify', () => ({
      error: 'challenge_locked',
      fields: { attemptsLeft: 0 },
    }))
    machine.send({ type: 'CODE.SUBMIT', code: '000000' })
    await settle()
    const retryAt = server.serverNow() + 3_600_000
    server.on('challenge/send', () => ({ error: 'rate_limited', fields: { retryAt } }))
    machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(state()).toBe('locked')
    expect(machine.getSnapshot()).toMatchObject({ lockScope: 'challenge', retryAt })
  })

  it('the flow lost by the server (no_flow): RETRY starts over', async () => {
    const { machine, server, states } = await chosen('sms')
    server.on('sms/verify', () => ({ error: 'no_flow' }))
    machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(machine.getSnapshot().error?.code).toBe('no_flow')
    machine.send({ type: 'RETRY' })
    await settle()
    expect(states.slice(-3)).toEqual(['error', 'starting', 'choosing'])
    expect(server.calls('stepup/start').map((r) => r.body.transactionId)).toEqual(['tx-1', 'tx-1'])
    expect(server.calls('sms/verify')).toHaveLength(1)
    expect(machine.getSnapshot().sms).toBeUndefined()
  })

  it('factor_required after verify → choosing again with the new methods', async () => {
    const { machine, server, states } = await chosen('sms')
    server.on('sms/verify', () => ({
      body: bodies.factorRequired(server.serverNow(), ['qr', 'challenge']),
    }))
    machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(states.slice(-2)).toEqual(['verifying', 'choosing'])
    const snapshot = machine.getSnapshot()
    expect(snapshot.methods.map((m) => m.method)).toEqual(['qr', 'challenge'])
    expect(snapshot.method).toBeUndefined()
    expect(snapshot.sms).toBeUndefined()
  })

  it('rejected → denied', async () => {
    const { machine, server, state } = await chosen('qr')
    server.on('qr/verify', () => ({ error: 'rejected' }))
    machine.send({ type: 'QR.VERIFY', otp: '123456' })
    await settle()
    expect(state()).toBe('denied')
  })

  it('verify network failure → error; RETRY verifies the same code again', async () => {
    const { machine, server, state } = await chosen('sms')
    let fail = true
    server.on('sms/verify', () =>
      fail
        ? new Response('down', { status: 503 })
        : { body: bodies.authenticated(server.serverNow()) },
    )
    machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(machine.getSnapshot().error?.code).toBe('bad_response')
    expect(state()).toBe('error')
    fail = false
    machine.send({ type: 'RETRY' })
    await settle()
    expect(state()).toBe('approved')
    expect(server.calls('sms/verify').map((r) => r.body.code)).toEqual(['123456', '123456'])
  })

  it('the code expiring (server clock) moves awaiting-otp to expired', async () => {
    const { machine, state } = await chosen('sms', { serverOffsetMs: 90_000 })
    await vi.advanceTimersByTimeAsync(299_000)
    expect(state()).toBe('awaiting-otp')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(state()).toBe('expired')
    expect(machine.getSnapshot().sms).toBeDefined()
  })
})

describe('step-up machine: QR signing', () => {
  it('awaiting-approval polls; approval → approved and polling stops', async () => {
    const { server, state, onAuthenticated } = await chosen('qr')
    let approve = false
    server.on('qr/status', () => ({
      body: approve
        ? bodies.authenticated(server.serverNow(), 'qr')
        : bodies.qrPending(server.serverNow()),
    }))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(server.calls('qr/status')).toHaveLength(1)
    approve = true
    await vi.advanceTimersByTimeAsync(1_500)
    expect(state()).toBe('approved')
    expect(onAuthenticated).toHaveBeenCalledTimes(1)
    const polls = server.calls('qr/status').length
    await vi.advanceTimersByTimeAsync(60_000)
    expect(server.calls('qr/status')).toHaveLength(polls)
  })

  it.each([
    ['rejected', 'denied'],
    ['expired', 'expired'],
  ] as const)('poll status %s → %s', async (status, target) => {
    const { server, state } = await chosen('qr')
    server.on('qr/status', () => ({ body: { status, serverTime: server.serverNow() } }))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(state()).toBe(target)
  })

  it('the QR expiring without an answer → expired', async () => {
    const { state, server } = await chosen('qr')
    await vi.advanceTimersByTimeAsync(120_000)
    expect(state()).toBe('expired')
    const polls = server.calls('qr/status').length
    await vi.advanceTimersByTimeAsync(60_000)
    expect(server.calls('qr/status')).toHaveLength(polls)
  })

  it('QR.VERIFY (the app OTP typed) → verifying → approved, polling stopped', async () => {
    const { machine, server, state } = await chosen('qr')
    machine.send({ type: 'QR.VERIFY', otp: '654321' })
    await settle()
    expect(state()).toBe('approved')
    expect(server.calls('qr/verify')[0]?.body.otp).toBe('654321')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(server.calls('qr/status')).toHaveLength(0)
  })

  it('a wrong app OTP returns to awaiting-approval and polling resumes', async () => {
    const { machine, server, states } = await chosen('qr')
    server.on('qr/verify', () => ({ error: 'otp_invalid', fields: { attemptsLeft: 4 } }))
    machine.send({ type: 'QR.VERIFY', otp: '000000' })
    await settle()
    expect(states.slice(-2)).toEqual(['verifying', 'awaiting-approval'])
    expect(machine.getSnapshot().attemptsLeft).toBe(4)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(server.calls('qr/status')).toHaveLength(1)
  })

  it('switching method cancels the poll: 0 qr/status requests after, the one in flight aborted', async () => {
    const { machine, server, state } = await chosen('qr')
    await vi.advanceTimersByTimeAsync(1_000)
    server.on('qr/status', never)
    await vi.advanceTimersByTimeAsync(1_500)
    const inFlight = server.calls('qr/status').at(-1)?.signal
    expect(inFlight?.aborted).toBe(false)
    machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    expect(inFlight?.aborted).toBe(true)
    await settle()
    expect(state()).toBe('awaiting-otp')
    const polls = server.calls('qr/status').length
    await vi.advanceTimersByTimeAsync(600_000)
    expect(server.calls('qr/status')).toHaveLength(polls)
  })

  it('polling pauses while the page is hidden', async () => {
    const { server, visibility } = await chosen('qr')
    visibility.setHidden(true)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(server.calls('qr/status')).toHaveLength(0)
    visibility.setHidden(false)
    await settle()
    expect(server.calls('qr/status')).toHaveLength(1)
  })
})

describe('step-up machine: switching, cancelling, disposing', () => {
  it('switching method while sending aborts the request; its late answer is ignored', async () => {
    const t = setup()
    t.machine.send({ type: 'START.STEPUP' })
    await settle()
    t.server.on('sms/send', never)
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    await settle()
    const smsSignal = t.server.calls('sms/send')[0]?.signal
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'challenge' })
    expect(smsSignal?.aborted).toBe(true)
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({ state: 'awaiting-otp', method: 'challenge' })
    expect(t.machine.getSnapshot().sms).toBeUndefined()
  })

  it('switching method from awaiting-otp clears the old code state', async () => {
    const { machine, state } = await chosen('sms')
    machine.send({ type: 'METHOD.CHOOSE', method: 'qr' })
    await settle()
    expect(state()).toBe('awaiting-approval')
    expect(machine.getSnapshot().sms).toBeUndefined()
    expect(machine.getSnapshot().qr?.manualCode).toBe('123456')
  })

  it('CANCEL → idle and tells the server; RESET → idle locally', async () => {
    const a = await chosen('sms')
    a.machine.send({ type: 'CANCEL' })
    await settle()
    expect(a.machine.getSnapshot()).toEqual({ state: 'idle', methods: [] })
    expect(a.server.calls('flow/cancel')).toHaveLength(1)
    const b = await chosen('challenge')
    b.machine.send({ type: 'RESET' })
    await settle()
    expect(b.state()).toBe('idle')
    expect(b.server.calls('flow/cancel')).toHaveLength(0)
  })

  it('dispose() stops polling, aborts requests, silences listeners', async () => {
    const { machine, server } = await chosen('qr')
    server.on('qr/status', never)
    await vi.advanceTimersByTimeAsync(1_000)
    const inFlight = server.calls('qr/status')[0]?.signal
    const listener = vi.fn()
    machine.subscribe(listener)
    machine.dispose()
    expect(inFlight?.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(600_000)
    expect(server.calls('qr/status')).toHaveLength(1)
    machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(server.calls('qr/send')).toHaveLength(1)
    expect(listener).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('ignored events leave the snapshot object unchanged and notify no one', async () => {
    const { machine } = setup()
    const before = machine.getSnapshot()
    const listener = vi.fn()
    machine.subscribe(listener)
    machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    machine.send({ type: 'CODE.SEND' })
    machine.send({ type: 'RETRY' })
    expect(machine.getSnapshot()).toBe(before)
    expect(listener).not.toHaveBeenCalled()
  })

  it('listeners may send events synchronously (queued, one transition at a time)', async () => {
    const t = setup({ methods: ['sms', 'challenge'] })
    const unsubscribe = t.machine.subscribe(() => {
      if (t.machine.getSnapshot().state === 'choosing') {
        unsubscribe()
        t.machine.send({ type: 'METHOD.CHOOSE', method: 'challenge' })
      }
    })
    t.machine.send({ type: 'START.STEPUP' })
    await settle()
    expect(t.state()).toBe('awaiting-otp')
    expect(t.server.calls('challenge/send')).toHaveLength(1)
  })
})

describe('the transition table', () => {
  it('has an entry for every state and leaves every state but approved and idle by CANCEL', () => {
    const states = Object.keys(stepUpTransitions).sort()
    expect(states).toEqual(
      [
        'approved',
        'awaiting-approval',
        'awaiting-otp',
        'choosing',
        'denied',
        'error',
        'expired',
        'idle',
        'locked',
        'sending',
        'starting',
        'verifying',
      ].sort(),
    )
    for (const [state, events] of Object.entries(stepUpTransitions)) {
      if (state === 'idle' || state === 'approved') continue
      expect(events.CANCEL?.[0]?.target, state).toBe('idle')
    }
  })
})
