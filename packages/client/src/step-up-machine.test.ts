import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KitMethod } from '@centagate-kit/protocol'
import { createDeviceSignals } from './device-signals'
import { createKitClient } from './kit-client'
import { createStepUpMachine, stepUpTransitions } from './step-up-machine'
import type { StepUpState } from './step-up-machine'
import { bodies, createFakeKitFetch } from '@centagate-kit/testkit/fake-kit-fetch'
import type { FakeAnswer, RouteHandler } from '@centagate-kit/testkit/fake-kit-fetch'
import { createManualVisibility } from './visibility'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

const settle = () => vi.advanceTimersByTimeAsync(0)

/** Every (state, event, table entry) a test in this file took: the spec-coverage check at the end. */
const covered = new Set<string>()

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
  const machine = createStepUpMachine({
    client,
    visibility,
    onAuthenticated,
    onTransition: ({ from, event, index }) => covered.add(`${from} ${event} #${index}`),
  })
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

// ---------------------------------------------------------------------------------------------
// Every entry of the transition table, state by state

type Env = ReturnType<typeof setup>

/** Drives a fresh machine into `state` (the handlers it changes are left as they are). */
const reach: Record<StepUpState, (t: Env) => Promise<void>> = {
  idle: async () => {},
  starting: async (t) => {
    t.server.on('stepup/start', never)
    t.machine.send({ type: 'START.STEPUP', transactionId: 'tx-1' })
    await settle()
  },
  choosing: async (t) => {
    t.machine.send({ type: 'START.STEPUP', transactionId: 'tx-1' })
    await settle()
  },
  sending: async (t) => {
    await reach.choosing(t)
    t.server.on('sms/send', never)
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    await settle()
  },
  'awaiting-otp': async (t) => {
    await reach.choosing(t)
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    await settle()
  },
  'awaiting-approval': async (t) => {
    await reach.choosing(t)
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'qr' })
    await settle()
  },
  verifying: async (t) => {
    await reach['awaiting-otp'](t)
    t.server.on('sms/verify', never)
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
  },
  approved: async (t) => {
    await reach['awaiting-otp'](t)
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
  },
  denied: async (t) => {
    await reach['awaiting-approval'](t)
    t.server.on('qr/status', () => ({ body: { status: 'rejected', serverTime: t.now() } }))
    await vi.advanceTimersByTimeAsync(1_000)
  },
  expired: async (t) => {
    await reach['awaiting-otp'](t)
    t.server.on('sms/verify', () => ({ error: 'otp_expired' }))
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
  },
  locked: async (t) => {
    await reach['awaiting-otp'](t)
    t.server.on('sms/verify', () => ({ error: 'locked', fields: { lockedUntil: t.now() + 9e5 } }))
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
  },
  error: async (t) => {
    await reach['awaiting-otp'](t)
    t.server.on('sms/verify', () => ({ error: 'upstream_unavailable' }))
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
  },
}
const allStates = Object.keys(reach) as StepUpState[]

async function at(state: StepUpState, methods?: KitMethod[]) {
  const t = setup(methods ? { methods } : {})
  await reach[state](t)
  expect(t.state(), `reached ${state}`).toBe(state)
  return t
}

describe('transition table: leaving and restarting from every state', () => {
  it.each(allStates.filter((s) => s !== 'idle' && s !== 'approved'))(
    '%s: CANCEL → idle, and the server drops the flow',
    async (state) => {
      const t = await at(state)
      t.machine.send({ type: 'CANCEL' })
      await settle()
      expect(t.machine.getSnapshot()).toEqual({ state: 'idle', methods: [] })
      expect(t.server.calls('flow/cancel')).toHaveLength(1)
    },
  )

  it.each(allStates.filter((s) => s !== 'idle'))('%s: RESET → idle, locally', async (state) => {
    const t = await at(state)
    t.machine.send({ type: 'RESET' })
    await settle()
    expect(t.machine.getSnapshot()).toEqual({ state: 'idle', methods: [] })
    expect(t.server.calls('flow/cancel')).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(600_000)
    expect(t.state()).toBe('idle')
  })

  it.each(
    allStates
      .filter((s) => !['starting', 'sending', 'verifying'].includes(s))
      .flatMap((s) => [
        [s, 'START.LOGIN'],
        [s, 'START.STEPUP'],
      ]),
  )('%s: %s → starting a new flow', async (state, type) => {
    const t = await at(state as StepUpState)
    t.server.on('stepup/start', () => ({ body: bodies.factorRequired(t.now(), ['qr', 'sms']) }))
    t.machine.send(
      type === 'START.LOGIN' ? { type: 'START.LOGIN', username: 'bob' } : { type: 'START.STEPUP' },
    )
    expect(t.state()).toBe('starting')
    expect(t.machine.getSnapshot().sms).toBeUndefined()
    await settle()
    expect(t.state()).toBe('choosing')
    const route = type === 'START.LOGIN' ? 'login/start' : 'stepup/start'
    expect(t.server.calls(route).length).toBeGreaterThanOrEqual(1)
  })
})

describe('transition table: failures by error code', () => {
  const failures = [
    ['locked', 'locked', 'user'],
    ['challenge_locked', 'locked', 'challenge'],
    ['otp_expired', 'expired', undefined],
    ['rejected', 'denied', undefined],
    ['internal_error', 'error', undefined],
  ] as const

  it.each(failures)('start fails with %s → %s', async (code, target, scope) => {
    const t = setup()
    t.server.on('stepup/start', () => ({ error: code }))
    t.machine.send({ type: 'START.STEPUP' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({ state: target, error: { code } })
    expect(t.machine.getSnapshot().lockScope).toBe(scope)
  })

  it.each(failures)('first send fails with %s → %s', async (code, target) => {
    const t = await at('choosing')
    t.server.on('challenge/send', () => ({ error: code }))
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'challenge' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({ state: target, error: { code } })
  })

  it.each(failures)('polling fails with %s → %s', async (code, target) => {
    const t = await at('awaiting-approval')
    t.server.on('qr/status', () => ({ error: code }))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(t.machine.getSnapshot()).toMatchObject({ state: target, error: { code } })
  })
})

describe('transition table: QR entries', () => {
  it.each([
    [['sms'], 'awaiting-otp'],
    [['challenge', 'sms'], 'choosing'],
  ] as const)('the app answers another factor is needed (%j) → %s', async (methods, target) => {
    const t = await at('awaiting-approval')
    t.server.on('qr/status', () => ({ body: bodies.factorRequired(t.now(), [...methods]) }))
    await vi.advanceTimersByTimeAsync(1_000)
    await settle()
    expect(t.state()).toBe(target)
  })

  it.each(['QR.VERIFY', 'CODE.SUBMIT'] as const)(
    '%s: a malformed app OTP is refused locally; a good one is verified',
    async (type) => {
      const t = await at('awaiting-approval')
      const submit = (code: string) =>
        t.machine.send(type === 'QR.VERIFY' ? { type, otp: code } : { type, code })
      submit('12')
      expect(t.machine.getSnapshot().error?.code).toBe('invalid_input')
      expect(t.state()).toBe('awaiting-approval')
      submit('654321')
      await settle()
      expect(t.state()).toBe('approved')
      expect(t.server.calls('qr/verify')).toHaveLength(1)
    },
  )

  it('CODE.SEND asks for a new QR; the server refusing (rate_limited) keeps the current one', async () => {
    const t = await at('awaiting-approval')
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('awaiting-approval')
    expect(t.server.calls('qr/send')).toHaveLength(2)
    const retryAt = t.now() + 30_000
    t.server.on('qr/send', () => ({ error: 'rate_limited', fields: { retryAt } }))
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({ state: 'awaiting-approval', retryAt })
    // Polling resumed for the current QR.
    await vi.advanceTimersByTimeAsync(1_000)
    expect(t.server.calls('qr/status').length).toBeGreaterThanOrEqual(1)
  })

  it('choosing QR again while it is in progress is ignored', async () => {
    const t = await at('awaiting-approval')
    const before = t.machine.getSnapshot()
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'qr' })
    expect(t.machine.getSnapshot()).toBe(before)
    expect(t.server.calls('qr/send')).toHaveLength(1)
  })
})

describe('transition table: verifying entries', () => {
  it('another factor with exactly one method → auto-chosen and sent', async () => {
    const t = await at('awaiting-otp')
    t.server.on('sms/verify', () => ({ body: bodies.factorRequired(t.now(), ['challenge']) }))
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({ state: 'awaiting-otp', method: 'challenge' })
  })

  it.each([
    ['qr', 'invalid_input', 'awaiting-approval'],
    ['qr', 'rate_limited', 'awaiting-approval'],
    ['sms', 'invalid_input', 'awaiting-otp'],
    ['sms', 'rate_limited', 'awaiting-otp'],
  ] as const)('%s verify refused with %s → back to %s', async (method, code, target) => {
    const t = await at(method === 'qr' ? 'awaiting-approval' : 'awaiting-otp')
    t.server.on(method === 'qr' ? 'qr/verify' : 'sms/verify', () => ({ error: code }))
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({ state: target, error: { code } })
  })

  it('METHOD.CHOOSE while verifying: the same method is ignored, another aborts the verify', async () => {
    const t = await at('verifying')
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    expect(t.state()).toBe('verifying')
    const verify = t.server.calls('sms/verify')[0]?.signal
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'challenge' })
    expect(verify?.aborted).toBe(true)
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({ state: 'awaiting-otp', method: 'challenge' })
  })
})

describe('transition table: after an outcome', () => {
  /** SMS verify answered with `code` right after the send: the SMS cooldown is still running. */
  async function smsOutcome(code: 'rejected' | 'challenge_locked' | 'upstream_unavailable') {
    const t = await at('awaiting-otp')
    t.server.on('sms/verify', () => ({ error: code }))
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    return t
  }

  it.each([
    ['rejected', 'denied'],
    ['challenge_locked', 'locked'],
    ['upstream_unavailable', 'error'],
  ] as const)(
    'SMS %s (→ %s) within the cooldown: resend and re-choosing SMS are refused locally',
    async (code, state) => {
      const t = await smsOutcome(code)
      expect(t.state()).toBe(state)
      t.machine.send({ type: 'CODE.SEND' })
      t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
      await settle()
      expect(t.state()).toBe(state)
      expect(t.machine.getSnapshot().error?.code).toBe('rate_limited')
      expect(t.server.calls('sms/send')).toHaveLength(1)
      // After the cooldown the resend goes out.
      await vi.advanceTimersByTimeAsync(60_000)
      t.machine.send({ type: 'CODE.SEND' })
      await settle()
      expect(t.state()).toBe('awaiting-otp')
      expect(t.server.calls('sms/send')).toHaveLength(2)
    },
  )

  it.each(['denied', 'locked', 'error', 'expired'] as const)(
    '%s: another method can be chosen (challenge lock / outcome)',
    async (state) => {
      const t =
        state === 'locked'
          ? await smsOutcome('challenge_locked')
          : state === 'error'
            ? await smsOutcome('upstream_unavailable')
            : await at(state)
      t.machine.send({ type: 'METHOD.CHOOSE', method: 'challenge' })
      await settle()
      expect(t.machine.getSnapshot()).toMatchObject({ state: 'awaiting-otp', method: 'challenge' })
    },
  )

  it('denied QR: CODE.SEND asks for a new QR', async () => {
    const t = await at('denied')
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('awaiting-approval')
    expect(t.server.calls('qr/send')).toHaveLength(2)
  })

  it('error after a failed verify: CODE.SUBMIT retries with a new code, a malformed one is refused', async () => {
    const t = await at('error')
    t.machine.send({ type: 'CODE.SUBMIT', code: 'abc' })
    expect(t.machine.getSnapshot().error?.code).toBe('invalid_input')
    expect(t.state()).toBe('error')
    t.server.on('sms/verify', () => ({ body: bodies.authenticated(t.now()) }))
    t.machine.send({ type: 'CODE.SUBMIT', code: '654321' })
    await settle()
    expect(t.state()).toBe('approved')
    expect(t.server.calls('sms/verify').map((r) => r.body.code)).toEqual(['123456', '654321'])
  })
})

describe('transition table coverage', () => {
  it('every entry of stepUpTransitions was taken by a test in this file', () => {
    const all = Object.entries(stepUpTransitions).flatMap(([state, events]) =>
      Object.entries(events).flatMap(([event, list]) =>
        (list ?? []).map((_, index) => `${state} ${event} #${index}`),
      ),
    )
    expect(all.length).toBeGreaterThan(100)
    expect(all.filter((entry) => !covered.has(entry))).toEqual([])
  })
})
