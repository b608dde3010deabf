// The push machine on its own, against the fake kit server: every entry of `pushTransitions` is
// taken by a test here (checked at the end).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KitErrorCode } from '@centagate-kit/protocol'
import { bodies, createFakeKitFetch } from '@centagate-kit/testkit/fake-kit-fetch'
import { createDeviceSignals } from '../../device-signals'
import { createKitClient } from '../../kit-client'
import { createManualVisibility } from '../../visibility'
import { createPushMachine } from './push-machine'
import { type PushState, pushTransitions } from './push-transitions'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

const settle = () => vi.advanceTimersByTimeAsync(0)
const covered = new Set<string>()

function setup() {
  const server = createFakeKitFetch()
  const now = server.serverNow
  server.on('push/send', () => ({ body: bodies.pushSent(now()) }))
  server.on('push/status', () => ({ body: bodies.qrPending(now()) }))
  const client = createKitClient({
    fetch: server.fetch,
    deviceSignals: createDeviceSignals({ fingerprint: false }),
  })
  const visibility = createManualVisibility()
  const onAuthenticated = vi.fn()
  const machine = createPushMachine({
    client,
    visibility,
    onAuthenticated,
    onTransition: ({ from, event, index }) => covered.add(`${from} ${event} #${index}`),
  })
  const states: PushState[] = []
  machine.subscribe(() => {
    const state = machine.getSnapshot().state
    if (states.at(-1) !== state) states.push(state)
  })
  const state = () => machine.getSnapshot().state
  return { server, machine, states, state, onAuthenticated, visibility, now }
}

async function sent() {
  const t = setup()
  t.machine.send({ type: 'CODE.SEND' })
  await settle()
  return t
}

async function polled(status: 'rejected' | 'expired') {
  const t = await sent()
  t.server.on('push/status', () => ({ body: { status, serverTime: t.now() } }))
  await vi.advanceTimersByTimeAsync(1_000)
  return t
}

describe('push machine', () => {
  it('CODE.SEND → sending → awaiting-approval with the details; a double click sends one push', async () => {
    const t = setup()
    expect(t.machine.getSnapshot()).toEqual({ state: 'idle', method: 'push' })
    t.machine.send({ type: 'CODE.SEND' })
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.states).toEqual(['sending', 'awaiting-approval'])
    expect(t.machine.getSnapshot()).toMatchObject({ sent: { method: 'push', details: 'Sign in' } })
    expect(t.machine.getSnapshot().attemptsLeft).toBeUndefined()
    expect(t.server.calls('push/send')).toHaveLength(1)
  })

  it('polls push/status (never qr/status); the approval → approved once, polling stops', async () => {
    const t = await sent()
    let approve = false
    t.server.on('push/status', () => ({
      body: approve ? bodies.authenticated(t.now(), 'push') : bodies.qrPending(t.now()),
    }))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(t.server.calls('push/status')).toHaveLength(1)
    expect(t.server.calls('qr/status')).toHaveLength(0)
    approve = true
    await vi.advanceTimersByTimeAsync(1_500)
    expect(t.state()).toBe('approved')
    expect(t.onAuthenticated).toHaveBeenCalledTimes(1)
    const polls = t.server.calls('push/status').length
    await vi.advanceTimersByTimeAsync(60_000)
    expect(t.server.calls('push/status')).toHaveLength(polls)
  })

  it('polling pauses while the page is hidden', async () => {
    const t = await sent()
    t.visibility.setHidden(true)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(t.server.calls('push/status')).toHaveLength(0)
    t.visibility.setHidden(false)
    await settle()
    expect(t.server.calls('push/status')).toHaveLength(1)
  })

  it.each([
    ['rejected', 'denied'],
    ['expired', 'expired'],
  ] as const)('poll status %s → %s; CODE.SEND sends a new push', async (status, target) => {
    const t = await polled(status)
    expect(t.state()).toBe(target)
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('awaiting-approval')
    expect(t.server.calls('push/send')).toHaveLength(2)
  })

  it('the push expiring without an answer → expired (server clock), polling stops', async () => {
    const t = await sent()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(t.state()).toBe('expired')
  })

  it.each([
    ['locked', 'locked'],
    ['challenge_locked', 'locked'],
    ['otp_expired', 'expired'],
    ['rejected', 'denied'],
    ['internal_error', 'error'],
  ] as const)('polling failing with %s → %s', async (code: KitErrorCode, target) => {
    const t = await sent()
    t.server.on('push/status', () => ({ error: code }))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(t.machine.getSnapshot()).toMatchObject({ state: target, error: { code } })
  })

  it('a new push while waiting; refused by quota keeps the current one with retryAt', async () => {
    const t = await sent()
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.server.calls('push/send')).toHaveLength(2)
    const retryAt = t.now() + 30_000
    t.server.on('push/send', () => ({ error: 'rate_limited', fields: { retryAt } }))
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({ state: 'awaiting-approval', retryAt })
  })

  it('a first push that cannot be sent → error; RETRY and CODE.SEND send again', async () => {
    const t = setup()
    t.server.on('push/send', () => ({ error: 'upstream_unavailable' }))
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('error')
    t.machine.send({ type: 'RETRY' })
    await settle()
    expect(t.state()).toBe('error')
    t.server.on('push/send', () => ({ body: bodies.pushSent(t.now()) }))
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('awaiting-approval')
  })

  it('locked by challenge: a new push unlocks it; a user lock does not', async () => {
    const t = await sent()
    t.server.on('push/status', () => ({ error: 'challenge_locked' }))
    await vi.advanceTimersByTimeAsync(1_000)
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.state()).toBe('awaiting-approval')
    const u = await sent()
    u.server.on('push/status', () => ({ error: 'locked' }))
    await vi.advanceTimersByTimeAsync(1_000)
    u.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(u.state()).toBe('locked')
    expect(u.server.calls('push/send')).toHaveLength(1)
  })

  it.each([
    ['locked', 'locked'],
    ['challenge_locked', 'locked'],
    ['otp_expired', 'expired'],
    ['rejected', 'denied'],
  ] as const)('a first push refused with %s → %s', async (code: KitErrorCode, target) => {
    const t = setup()
    t.server.on('push/send', () => ({ error: code }))
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({ state: target, error: { code } })
  })

  it('a new push after a challenge lock refused by quota: still locked, with retryAt', async () => {
    const t = await sent()
    t.server.on('push/status', () => ({ error: 'challenge_locked' }))
    await vi.advanceTimersByTimeAsync(1_000)
    const retryAt = t.now() + 60_000
    t.server.on('push/send', () => ({ error: 'rate_limited', fields: { retryAt } }))
    t.machine.send({ type: 'CODE.SEND' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({ state: 'locked', retryAt })
  })

  it('every entry of pushTransitions was taken by a test in this file', () => {
    const all = Object.entries(pushTransitions).flatMap(([state, events]) =>
      Object.entries(events).flatMap(([event, list]) =>
        (list ?? []).map((_, index) => `${state} ${event} #${index}`),
      ),
    )
    expect(all.filter((entry) => !covered.has(entry))).toEqual([])
  })
})
