// The step-up machine: starting, choosing, running the chosen method's machine, and what it
// does with that machine's outcomes. The method machines' own behaviour is tested in
// methods/**; every entry of `stepUpTransitions` is taken by a test here (checked at the end).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KitErrorCode, KitMethod } from '@centagate-kit/protocol'
import { createDeviceSignals } from '../device-signals'
import { createKitClient } from '../kit-client'
import type { TransitionInfo } from '../machine/machine-types'
import { bodies, createFakeKitFetch } from '@centagate-kit/testkit/fake-kit-fetch'
import type { FakeAnswer, RouteHandler } from '@centagate-kit/testkit/fake-kit-fetch'
import { createManualVisibility } from '../visibility'
import { createStepUpMachine } from './step-up-machine'
import { stepUpTransitions } from './step-up-transitions'
import type { StepUpState } from './step-up-types'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

const settle = () => vi.advanceTimersByTimeAsync(0)
const never: RouteHandler = () => new Promise<FakeAnswer>(() => {})

/** Every (state, event, table entry) of the step-up table a test in this file took. */
const covered = new Set<string>()

function setup(options: { methods?: KitMethod[] } = {}) {
  const server = createFakeKitFetch()
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
  const transitions: TransitionInfo[] = []
  const machine = createStepUpMachine({
    client,
    visibility,
    onAuthenticated,
    onTransition: (info) => {
      transitions.push(info)
      if (info.machine === 'step-up') covered.add(`${info.from} ${info.event} #${info.index}`)
    },
  })
  const states: StepUpState[] = []
  machine.subscribe(() => {
    const state = machine.getSnapshot().state
    if (states.at(-1) !== state) states.push(state)
  })
  const state = () => machine.getSnapshot().state
  /** The method machine's state (in `method`). */
  const child = () => machine.getSnapshot().child
  return { server, client, machine, states, state, child, onAuthenticated, transitions, now }
}

type Env = ReturnType<typeof setup>

/** Started step-up with `method` chosen and its code sent. */
async function chosen(method: KitMethod, options: Parameters<typeof setup>[0] = {}) {
  const t = setup(options)
  t.machine.send({ type: 'START.STEPUP', transactionId: 'tx-1' })
  await settle()
  t.machine.send({ type: 'METHOD.CHOOSE', method })
  await settle()
  return t
}

/** SMS chosen, then its verify answered with `error`. */
async function smsVerifyFails(error: KitErrorCode, fields = {}) {
  const t = await chosen('sms')
  t.server.on('sms/verify', () => ({ error, fields }))
  t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
  await settle()
  return t
}

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
    expect(snapshot.child).toBeUndefined()
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
  ] as const)(
    'auto-chooses the only method %s and its machine sends',
    async (method, route, child) => {
      const { machine, server, states } = setup({ methods: [method] })
      machine.send({ type: 'START.LOGIN', username: 'alice', password: 'pw' })
      await settle()
      expect(states).toEqual(['starting', 'method'])
      expect(machine.getSnapshot()).toMatchObject({ method, child: { method, state: child } })
      expect(server.calls(route)).toHaveLength(1)
      expect(server.calls('login/start')[0]?.body).toMatchObject({
        username: 'alice',
        password: 'pw',
      })
    },
  )

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
    t.onAuthenticated.mockImplementation(() => {
      throw new Error('app bug')
    })
    t.machine.send({ type: 'START.STEPUP' })
    await settle()
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(t.state()).toBe('approved')
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
    expect(machine.getSnapshot()).toMatchObject({
      state: 'error',
      error: { code: 'upstream_unavailable' },
    })
    fail = false
    machine.send({ type: 'RETRY' })
    await settle()
    expect(states).toEqual(['starting', 'error', 'starting', 'choosing'])
    expect(machine.getSnapshot().error).toBeUndefined()
    expect(server.calls('stepup/start').map((r) => r.body.transactionId)).toEqual(['tx-7', 'tx-7'])
  })

  it('start refused with locked → locked, with lockedUntil', async () => {
    const { machine, server } = setup()
    const lockedUntil = server.serverNow() + 900_000
    server.on('login/start', () => ({ error: 'locked', fields: { lockedUntil } }))
    machine.send({ type: 'START.LOGIN', username: 'alice' })
    await settle()
    expect(machine.getSnapshot()).toMatchObject({ state: 'locked', lockedUntil })
  })

  it.each(['invalid_credentials', 'rejected', 'not_enrolled', 'rate_limited'] as const)(
    'start refused with %s → error with that code',
    async (code) => {
      const t = setup()
      t.server.on('login/start', () => ({ error: code }))
      t.machine.send({ type: 'START.LOGIN', username: 'alice', password: 'pw' })
      await settle()
      expect(t.machine.getSnapshot()).toMatchObject({ state: 'error', error: { code } })
    },
  )
})

describe('step-up machine: choosing a method runs its machine', () => {
  it.each([
    ['sms', 'awaiting-otp'],
    ['challenge', 'awaiting-otp'],
    ['qr', 'awaiting-approval'],
  ] as const)('METHOD.CHOOSE %s → method, its machine sending then %s', async (method, target) => {
    const t = setup()
    t.machine.send({ type: 'START.STEPUP' })
    await settle()
    t.machine.send({ type: 'METHOD.CHOOSE', method })
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'method',
      method,
      child: { method, state: 'sending' },
    })
    await settle()
    expect(t.child()).toMatchObject({ state: target, sent: { method }, attemptsLeft: 5 })
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

  it('a double click on the SMS method button sends one SMS', async () => {
    const t = setup()
    t.machine.send({ type: 'START.STEPUP' })
    await settle()
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.server.calls('sms/send')).toHaveLength(1)
    expect(t.server.calls('sms/send')[0]?.signal?.aborted).toBe(false)
    expect(t.child()?.state).toBe('awaiting-otp')
  })

  it('choosing the method in progress again is ignored (no resend behind the cooldown)', async () => {
    const { machine, server } = await chosen('sms')
    const before = machine.getSnapshot()
    machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    await settle()
    expect(machine.getSnapshot()).toBe(before)
    expect(server.calls('sms/send')).toHaveLength(1)
  })

  it('method events go to the method machine (submit, resend)', async () => {
    const t = await chosen('challenge')
    t.machine.send({ type: 'CODE.SUBMIT', code: '87654321' })
    expect(t.child()?.state).toBe('verifying')
    await settle()
    expect(t.state()).toBe('approved')
    expect(t.server.calls('challenge/verify')[0]?.body.response).toBe('87654321')
  })

  it('the QR: QR.VERIFY goes to the QR machine', async () => {
    const t = await chosen('qr')
    t.machine.send({ type: 'QR.VERIFY', otp: '65432187' })
    await settle()
    expect(t.state()).toBe('approved')
    expect(t.server.calls('qr/verify')[0]?.body.otp).toBe('65432187')
  })

  it('RETRY goes to the method machine: a failed verify is repeated', async () => {
    const t = await smsVerifyFails('upstream_unavailable')
    expect(t.machine.getSnapshot()).toMatchObject({ state: 'method', child: { state: 'error' } })
    t.server.on('sms/verify', () => ({ body: bodies.authenticated(t.now()) }))
    t.machine.send({ type: 'RETRY' })
    await settle()
    expect(t.state()).toBe('approved')
    expect(t.server.calls('sms/verify')).toHaveLength(2)
  })
})

describe('step-up machine: the same method after an outcome (the SMS cooldown holds)', () => {
  it('from expired, SMS again within the cooldown is refused locally; another method is fine', async () => {
    const t = await smsVerifyFails('otp_expired')
    expect(t.child()?.state).toBe('expired')
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.child()).toMatchObject({ state: 'expired', error: { code: 'rate_limited' } })
    expect(t.server.calls('sms/send')).toHaveLength(1)
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'challenge' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      method: 'challenge',
      child: { method: 'challenge', state: 'awaiting-otp' },
    })
  })

  it.each([
    ['rejected', 'denied'],
    ['challenge_locked', 'locked'],
    ['upstream_unavailable', 'error'],
  ] as const)(
    'SMS %s (→ %s) within the cooldown: choosing SMS again is refused locally, then sends',
    async (code, state) => {
      const t = await smsVerifyFails(code)
      expect(t.child()?.state).toBe(state)
      t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
      await settle()
      expect(t.child()).toMatchObject({ state, error: { code: 'rate_limited' } })
      expect(t.server.calls('sms/send')).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(60_000)
      t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
      await settle()
      expect(t.child()?.state).toBe('awaiting-otp')
      expect(t.server.calls('sms/send')).toHaveLength(2)
    },
  )

  it.each([
    ['rejected', 'denied'],
    ['challenge_locked', 'locked'],
    ['upstream_unavailable', 'error'],
    ['otp_expired', 'expired'],
  ] as const)('SMS %s (→ %s): another method can be chosen', async (code, state) => {
    const t = await smsVerifyFails(code)
    expect(t.child()?.state).toBe(state)
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'challenge' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'method',
      child: { method: 'challenge', state: 'awaiting-otp' },
    })
  })
})

describe('step-up machine: the method machine ends', () => {
  it('approved → approved, onAuthenticated with the result, the method machine gone', async () => {
    const t = await chosen('sms')
    t.machine.send({ type: 'CODE.SUBMIT', code: '123 456' })
    await settle()
    expect(t.states.slice(-2)).toEqual(['method', 'approved'])
    expect(t.machine.getSnapshot().child).toBeUndefined()
    expect(t.onAuthenticated).toHaveBeenCalledWith(t.machine.getSnapshot().result)
    expect(t.onAuthenticated).toHaveBeenCalledTimes(1)
  })

  it('a user lockout → locked (no resend, no method switch)', async () => {
    const lockedUntil = Date.now() + 900_000
    const t = await smsVerifyFails('locked', { lockedUntil })
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'locked',
      lockedUntil,
      error: { code: 'locked' },
    })
    expect(t.machine.getSnapshot().child).toBeUndefined()
    await vi.advanceTimersByTimeAsync(120_000)
    t.machine.send({ type: 'CODE.SEND' })
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'challenge' })
    await settle()
    expect(t.state()).toBe('locked')
    expect(t.server.calls('sms/send')).toHaveLength(1)
    expect(t.server.calls('challenge/send')).toHaveLength(0)
  })

  it('the flow lost by the server (no_flow) → error; RETRY starts over', async () => {
    const t = await smsVerifyFails('no_flow')
    expect(t.machine.getSnapshot()).toMatchObject({ state: 'error', error: { code: 'no_flow' } })
    t.machine.send({ type: 'RETRY' })
    await settle()
    expect(t.states.slice(-3)).toEqual(['error', 'starting', 'choosing'])
    expect(t.server.calls('stepup/start').map((r) => r.body.transactionId)).toEqual([
      'tx-1',
      'tx-1',
    ])
    expect(t.server.calls('sms/verify')).toHaveLength(1)
    expect(t.machine.getSnapshot().child).toBeUndefined()
  })

  it('factor_required after a verify → choosing again with the new methods', async () => {
    const t = await chosen('sms')
    t.server.on('sms/verify', () => ({ body: bodies.factorRequired(t.now(), ['qr', 'challenge']) }))
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(t.states.slice(-2)).toEqual(['method', 'choosing'])
    const snapshot = t.machine.getSnapshot()
    expect(snapshot.methods.map((m) => m.method)).toEqual(['qr', 'challenge'])
    expect(snapshot.method).toBeUndefined()
    expect(snapshot.child).toBeUndefined()
  })

  it('another factor with exactly one method → chosen for the user and sent', async () => {
    const t = await chosen('sms')
    t.server.on('sms/verify', () => ({ body: bodies.factorRequired(t.now(), ['challenge']) }))
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'method',
      method: 'challenge',
      child: { method: 'challenge', state: 'awaiting-otp' },
    })
  })

  it.each([
    [['sms'], 'method'],
    [['challenge', 'sms'], 'choosing'],
  ] as const)(
    'the CENTAGATE app answers another factor is needed (%j) → %s',
    async (methods, target) => {
      const t = await chosen('qr')
      t.server.on('qr/status', () => ({ body: bodies.factorRequired(t.now(), [...methods]) }))
      await vi.advanceTimersByTimeAsync(1_000)
      await settle()
      expect(t.state()).toBe(target)
    },
  )
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
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'method',
      child: { method: 'challenge', state: 'awaiting-otp' },
    })
  })

  it('switching method from a sent SMS code starts afresh on the new method', async () => {
    const t = await chosen('sms')
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'qr' })
    await settle()
    expect(t.child()).toMatchObject({
      method: 'qr',
      state: 'awaiting-approval',
      sent: { manualCode: '123456' },
    })
  })

  it('switching method stops QR polling: the poll in flight aborted, none after', async () => {
    const t = await chosen('qr')
    await vi.advanceTimersByTimeAsync(1_000)
    t.server.on('qr/status', never)
    await vi.advanceTimersByTimeAsync(1_500)
    const inFlight = t.server.calls('qr/status').at(-1)?.signal
    expect(inFlight?.aborted).toBe(false)
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    expect(inFlight?.aborted).toBe(true)
    await settle()
    expect(t.child()?.state).toBe('awaiting-otp')
    const polls = t.server.calls('qr/status').length
    await vi.advanceTimersByTimeAsync(600_000)
    expect(t.server.calls('qr/status')).toHaveLength(polls)
  })

  it('METHOD.CHOOSE while verifying: the same method is ignored, another aborts the verify', async () => {
    const t = await chosen('sms')
    t.server.on('sms/verify', never)
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    expect(t.child()?.state).toBe('verifying')
    const verify = t.server.calls('sms/verify')[0]?.signal
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'challenge' })
    expect(verify?.aborted).toBe(true)
    await settle()
    expect(t.child()).toMatchObject({ method: 'challenge', state: 'awaiting-otp' })
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
    expect(t.child()?.state).toBe('awaiting-otp')
    expect(t.server.calls('challenge/send')).toHaveLength(1)
  })

  it('onTransition also reports the method machine transitions (by machine), never a code', async () => {
    const t = await chosen('sms')
    t.machine.send({ type: 'CODE.SUBMIT', code: '918273' })
    await settle()
    const machines = new Set(t.transitions.map((transition) => transition.machine))
    expect([...machines].sort()).toEqual(['sms', 'step-up'])
    expect(t.transitions).toContainEqual({
      machine: 'sms',
      from: 'awaiting-otp',
      to: 'verifying',
      event: 'CODE.SUBMIT',
      index: 1,
    })
    expect(JSON.stringify(t.transitions)).not.toContain('918273')
  })
})

describe('the transition table', () => {
  it('has an entry for every state and leaves every state but approved and idle by CANCEL', () => {
    expect(Object.keys(stepUpTransitions).sort()).toEqual(
      ['approved', 'choosing', 'error', 'idle', 'locked', 'method', 'starting'].sort(),
    )
    for (const [state, events] of Object.entries(stepUpTransitions)) {
      if (state === 'idle' || state === 'approved') continue
      expect(events.CANCEL?.[0]?.target, state).toBe('idle')
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Leaving and restarting, from every state

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
  method: async (t) => {
    await reach.choosing(t)
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'qr' })
    await settle()
  },
  approved: async (t) => {
    await reach.choosing(t)
    t.machine.send({ type: 'METHOD.CHOOSE', method: 'sms' })
    await settle()
    t.machine.send({ type: 'CODE.SUBMIT', code: '123456' })
    await settle()
  },
  locked: async (t) => {
    t.server.on('stepup/start', () => ({ error: 'locked', fields: { lockedUntil: t.now() + 9e5 } }))
    t.machine.send({ type: 'START.STEPUP' })
    await settle()
  },
  error: async (t) => {
    t.server.on('stepup/start', () => ({ error: 'upstream_unavailable' }))
    t.machine.send({ type: 'START.STEPUP' })
    await settle()
  },
}
const allStates = Object.keys(reach) as StepUpState[]

async function at(state: StepUpState) {
  const t = setup()
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
      .filter((s) => s !== 'starting')
      .flatMap((s) => [
        [s, 'START.LOGIN'],
        [s, 'START.STEPUP'],
      ]),
  )('%s: %s → starting a new flow (the method machine stopped)', async (state, type) => {
    const t = await at(state as StepUpState)
    t.server.on('stepup/start', () => ({ body: bodies.factorRequired(t.now(), ['qr', 'sms']) }))
    t.server.on('login/start', () => ({ body: bodies.factorRequired(t.now(), ['qr', 'sms']) }))
    t.machine.send(
      type === 'START.LOGIN' ? { type: 'START.LOGIN', username: 'bob' } : { type: 'START.STEPUP' },
    )
    expect(t.state()).toBe('starting')
    expect(t.machine.getSnapshot().child).toBeUndefined()
    await settle()
    expect(t.state()).toBe('choosing')
    const polls = t.server.calls('qr/status').length
    await vi.advanceTimersByTimeAsync(60_000)
    expect(t.server.calls('qr/status')).toHaveLength(polls)
  })
})

describe('transition table coverage', () => {
  it('every entry of stepUpTransitions was taken by a test in this file', () => {
    const all = Object.entries(stepUpTransitions).flatMap(([state, events]) =>
      Object.entries(events).flatMap(([event, list]) =>
        (list ?? []).map((_, index) => `${state} ${event} #${index}`),
      ),
    )
    expect(all.length).toBeGreaterThan(40)
    expect(all.filter((entry) => !covered.has(entry))).toEqual([])
  })
})
