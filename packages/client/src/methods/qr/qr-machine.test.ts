// The QR signing machine on its own, against the fake kit server: every entry of `qrTransitions`
// is taken by a test here (checked at the end).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KitErrorCode } from '@centagate-kit/protocol'
import { createDeviceSignals } from '../../device-signals'
import { createKitClient } from '../../kit-client'
import { bodies, createFakeKitFetch } from '@centagate-kit/testkit/fake-kit-fetch'
import type { FakeAnswer, RouteHandler } from '@centagate-kit/testkit/fake-kit-fetch'
import { createManualVisibility } from '../../visibility'
import { createQrMachine } from './qr-machine'
import { qrTransitions } from './qr-transitions'
import type { QrState } from './qr-transitions'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

const settle = () => vi.advanceTimersByTimeAsync(0)
const never: RouteHandler = () => new Promise<FakeAnswer>(() => {})
const covered = new Set<string>()

function setup() {
  const server = createFakeKitFetch()
  const now = server.serverNow
  server.on('qr/send', () => ({ body: bodies.qrSent(now()) }))
  server.on('qr/status', () => ({ body: bodies.qrPending(now()) }))
  server.on('qr/verify', () => ({ body: bodies.authenticated(now(), 'qr') }))
  const client = createKitClient({
    fetch: server.fetch,
    deviceSignals: createDeviceSignals({ fingerprint: false }),
  })
  const visibility = createManualVisibility()
  const onAuthenticated = vi.fn()
  const machine = createQrMachine({
    client,
    visibility,
    onAuthenticated,
    onTransition: ({ from, event, index }) => covered.add(`${from} ${event} #${index}`),
  })
  const states: QrState[] = []
  machine.subscribe(() => {
    const state = machine.getSnapshot().state
    if (states.at(-1) !== state) states.push(state)
  })
  const state = () => machine.getSnapshot().state
  return { server, machine, states, state, onAuthenticated, visibility, now }
}

/** A QR shown, polling. */
async function shown() {
  const t = setup()
  t.machine.send({ type: 'CODE.SEND' })
  await settle()
  return t
}

/** The next poll answers `status`. */
async function polled(status: 'rejected' | 'expired') {
  const t = await shown()
  t.server.on('qr/status', () => ({ body: { status, serverTime: t.now() } }))
  await vi.advanceTimersByTimeAsync(1_000)
  return t
}

async function verifyFails(error: KitErrorCode) {
  const t = await shown()
  t.server.on('qr/verify', () => ({ error }))
  t.machine.send({ type: 'QR.VERIFY', otp: '12345678' })
  await settle()
  return t
}

describe('qr machine: showing the QR and polling', () => {
  it('starts idle; CODE.SEND → sending → awaiting-approval with the QR', async () => {
    const t = setup()
    expect(t.machine.getSnapshot()).toEqual({ state: 'idle', method: 'qr' })
    t.machine.send({ type: 'CODE.SEND' })
    t.machine.send({ type: 'CODE.SEND' }) // a double click
    await settle()
    expect(t.states).toEqual(['sending', 'awaiting-approval'])
    expect(t.machine.getSnapshot()).toMatchObject({
      sent: { method: 'qr', manualCode: '123456' },
      attemptsLeft: 5,
    })
    expect(t.server.calls('qr/send')).toHaveLength(1)
  })

  it('polls; the approval → approved, onAuthenticated once, polling stops', async () => {
    const t = await shown()
    let approve = false
    t.server.on('qr/status', () => ({
      body: approve ? bodies.authenticated(t.now(), 'qr') : bodies.qrPending(t.now()),
    }))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(t.server.calls('qr/status')).toHaveLength(1)
    approve = true
    await vi.advanceTimersByTimeAsync(1_500)
    expect(t.state()).toBe('approved')
    expect(t.onAuthenticated).toHaveBeenCalledTimes(1)
    const polls = t.server.calls('qr/status').length
    await vi.advanceTimersByTimeAsync(60_000)
    expect(t.server.calls('qr/status')).toHaveLength(polls)
  })

  it('another factor required by the app → approved with that result', async () => {
    const t = await shown()
    t.server.on('qr/status', () => ({ body: bodies.factorRequired(t.now(), ['sms']) }))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'approved',
      result: { status: 'factor_required' },
    })
    expect(t.onAuthenticated).not.toHaveBeenCalled()
  })

  it.each([
    ['rejected', 'denied'],
    ['expired', 'expired'],
  ] as const)('poll status %s → %s', async (status, target) => {
    const t = await polled(status)
    expect(t.state()).toBe(target)
  })

  it('the QR expiring without an answer → expired, polling stops', async () => {
    const t = await shown()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(t.state()).toBe('expired')
    const polls = t.server.calls('qr/status').length
    await vi.advanceTimersByTimeAsync(60_000)
    expect(t.server.calls('qr/status')).toHaveLength(polls)
  })

  it('polling pauses while the page is hidden', async () => {
    const t = await shown()
    t.visibility.setHidden(true)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(t.server.calls('qr/status')).toHaveLength(0)
    t.visibility.setHidden(false)
    await settle()
    expect(t.server.calls('qr/status')).toHaveLength(1)
  })

  it.each([
    ['locked', 'locked'],
    ['challenge_locked', 'locked'],
    ['otp_expired', 'expired'],
    ['rejected', 'denied'],
    ['internal_error', 'error'],
  ] as const)('polling failing with %s → %s', async (code, target) => {
    const t = await shown()
    t.server.on('qr/status', () => ({ error: code }))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(t.machine.getSnapshot()).toMatchObject({ state: target, error: { code } })
  })

  it('CODE.SEND asks for a new QR; the server refusing (rate_limited) keeps the current one', async () => {
    const t = await shown()
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

  it.each([
    ['locked', 'locked'],
    ['challenge_locked', 'locked'],
    ['otp_expired', 'expired'],
    ['rejected', 'denied'],
  ] as const)('a first QR refused with %s → %s', async (code, target) => {
    const t = setup()
    t.server.on('qr/send', () => ({ error: code }))
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({ state: target, error: { code } })
  })

  it('a new QR after a challenge lock refused by quota: still locked, with retryAt', async () => {
    const t = await verifyFails('challenge_locked')
    const retryAt = t.now() + 60_000
    t.server.on('qr/send', () => ({ error: 'rate_limited', fields: { retryAt } }))
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'locked',
      lockScope: 'challenge',
      retryAt,
    })
  })

  it('a first QR that cannot be shown → error; RETRY asks again', async () => {
    const t = setup()
    let fail = true
    t.server.on('qr/send', () =>
      fail ? { error: 'upstream_unavailable' } : { body: bodies.qrSent(t.now()) },
    )
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('error')
    fail = false
    t.machine.send({ type: 'RETRY' })
    await settle()
    expect(t.state()).toBe('awaiting-approval')
  })
})

describe('qr machine: the OTP the app shows, typed', () => {
  it.each(['QR.VERIFY', 'CODE.SUBMIT'] as const)(
    '%s: a malformed OTP is refused locally; a good one is verified and polling stops',
    async (type) => {
      const t = await shown()
      const submit = (code: string) =>
        t.machine.send(type === 'QR.VERIFY' ? { type, otp: code } : { type, code })
      submit('12')
      expect(t.machine.getSnapshot()).toMatchObject({
        state: 'awaiting-approval',
        error: { code: 'invalid_input', fields: ['otp'] },
      })
      submit('65432187')
      await settle()
      expect(t.state()).toBe('approved')
      expect(t.server.calls('qr/verify')[0]?.body.otp).toBe('65432187')
      await vi.advanceTimersByTimeAsync(60_000)
      expect(t.server.calls('qr/status')).toHaveLength(0)
    },
  )

  it('a wrong OTP returns to awaiting-approval and polling resumes', async () => {
    const t = await shown()
    t.server.on('qr/verify', () => ({ error: 'otp_invalid', fields: { attemptsLeft: 4 } }))
    t.machine.send({ type: 'QR.VERIFY', otp: '00000000' })
    await settle()
    expect(t.states.slice(-2)).toEqual(['verifying', 'awaiting-approval'])
    expect(t.machine.getSnapshot().attemptsLeft).toBe(4)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(t.server.calls('qr/status')).toHaveLength(1)
  })

  it('a wrong OTP, then the QR expires: expired without the stale error; a late OTP is answered', async () => {
    const t = await shown()
    t.server.on('qr/verify', () => ({ error: 'otp_invalid', fields: { attemptsLeft: 4 } }))
    t.machine.send({ type: 'QR.VERIFY', otp: '00000000' })
    await settle()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(t.machine.getSnapshot()).toMatchObject({ state: 'expired' })
    expect(t.machine.getSnapshot().error).toBeUndefined()
    for (const event of [
      { type: 'QR.VERIFY', otp: '12345678' },
      { type: 'CODE.SUBMIT', code: '12345678' },
    ] as const) {
      t.machine.send(event)
      expect(t.machine.getSnapshot().error?.code).toBe('otp_expired')
    }
    expect(t.server.calls('qr/verify')).toHaveLength(1)
  })

  it.each([
    ['locked', 'locked'],
    ['challenge_locked', 'locked'],
    ['otp_expired', 'expired'],
    ['rejected', 'denied'],
    ['upstream_error', 'error'],
  ] as const)('a verify failing with %s → %s', async (code, target) => {
    const t = await verifyFails(code)
    expect(t.machine.getSnapshot()).toMatchObject({ state: target, error: { code } })
  })

  it('error after a verify: RETRY verifies the same OTP; a new OTP (either event) works too', async () => {
    const t = await verifyFails('upstream_error')
    t.machine.send({ type: 'QR.VERIFY', otp: '1' })
    t.machine.send({ type: 'CODE.SUBMIT', code: 'x' })
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'error',
      error: { code: 'invalid_input' },
    })
    t.server.on('qr/verify', () => ({ error: 'upstream_error' }))
    t.machine.send({ type: 'RETRY' })
    await settle()
    expect(t.server.calls('qr/verify').map((r) => r.body.otp)).toEqual(['12345678', '12345678'])
    t.machine.send({ type: 'QR.VERIFY', otp: '22222222' })
    await settle()
    t.machine.send({ type: 'CODE.SUBMIT', code: '33333333' })
    await settle()
    expect(
      t.server
        .calls('qr/verify')
        .map((r) => r.body.otp)
        .slice(2),
    ).toEqual(['22222222', '33333333'])
  })
})

describe('qr machine: after an outcome, a new QR', () => {
  it.each([
    ['denied', () => polled('rejected')],
    ['expired', () => polled('expired')],
    ['error', () => verifyFails('upstream_error')],
    ['locked (challenge)', () => verifyFails('challenge_locked')],
  ] as const)('%s: CODE.SEND shows a new QR', async (_, reach) => {
    const t = await reach()
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('awaiting-approval')
    expect(t.server.calls('qr/send')).toHaveLength(2)
  })

  it('locked (user): no new QR', async () => {
    const t = await verifyFails('locked')
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('locked')
    expect(t.server.calls('qr/send')).toHaveLength(1)
  })

  it('dispose() stops polling and aborts the poll in flight', async () => {
    const t = await shown()
    t.server.on('qr/status', never)
    await vi.advanceTimersByTimeAsync(1_000)
    const inFlight = t.server.calls('qr/status')[0]?.signal
    t.machine.dispose()
    expect(inFlight?.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(600_000)
    expect(t.server.calls('qr/status')).toHaveLength(1)
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('qrTransitions', () => {
  it('every entry was taken by a test in this file', () => {
    const all = Object.entries(qrTransitions).flatMap(([state, events]) =>
      Object.entries(events).flatMap(([event, list]) =>
        (list ?? []).map((_, index) => `${state} ${event} #${index}`),
      ),
    )
    expect(all.length).toBeGreaterThan(25)
    expect(all.filter((entry) => !covered.has(entry))).toEqual([])
  })
})
