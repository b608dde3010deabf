// Token enrolment against the fake kit server: every entry of `enrolmentTransitions` is taken here.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KitErrorCode } from '@centagate-kit/protocol'
import { createDeviceSignals } from '../../device-signals'
import { createKitClient } from '../../kit-client'
import { createFakeKitFetch } from '@centagate-kit/testkit/fake-kit-fetch'
import { createEnrolmentMachine } from './enrolment-machine'
import { enrolmentTransitions } from './enrolment-transitions'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

const settle = () => vi.advanceTimersByTimeAsync(0)
const covered = new Set<string>()
const phone = { kind: 'sms', phoneNumber: '+60127778899' } as const

function setup() {
  const server = createFakeKitFetch()
  server.on('tokens/register', (request) => ({
    body: {
      status: 'registered',
      kind: request.body.kind,
      label: request.body.kind === 'sms' ? '•••• 8899' : String(request.body.serial),
      serverTime: server.serverNow(),
    },
  }))
  const client = createKitClient({
    fetch: server.fetch,
    deviceSignals: createDeviceSignals({ fingerprint: false }),
  })
  const onRegistered = vi.fn()
  const machine = createEnrolmentMachine({
    client,
    onRegistered,
    onTransition: ({ from, event, index }) => covered.add(`${from} ${event} #${index}`),
  })
  const state = () => machine.getSnapshot().state
  return { server, machine, state, onRegistered }
}

async function refused(error: KitErrorCode, fields = {}) {
  const t = setup()
  t.server.on('tokens/register', () => ({ error, fields }))
  t.machine.send({ type: 'REGISTER', input: phone })
  await settle()
  return t
}

describe('enrolment machine', () => {
  it.each([
    [phone, '•••• 8899'],
    [{ kind: 'hardware', serial: 'CR0000002' } as const, 'CR0000002'],
  ])('REGISTER %j → submitting → registered, onRegistered once', async (input, label) => {
    const t = setup()
    expect(t.machine.getSnapshot()).toEqual({ state: 'idle' })
    t.machine.send({ type: 'REGISTER', input })
    t.machine.send({ type: 'REGISTER', input }) // a double click
    expect(t.state()).toBe('submitting')
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({ state: 'registered', result: { label } })
    expect(t.server.calls('tokens/register')).toHaveLength(1)
    expect(t.onRegistered).toHaveBeenCalledTimes(1)
  })

  it('never shows the input it registers (no phone number in the snapshot)', async () => {
    const t = await refused('upstream_unavailable')
    expect(JSON.stringify(t.machine.getSnapshot())).not.toContain('+60127778899')
  })

  it('a malformed number is refused before the network (invalid_input) → error', async () => {
    const t = setup()
    t.machine.send({ type: 'REGISTER', input: { kind: 'sms', phoneNumber: '0123' } })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'error',
      error: { code: 'invalid_input', status: 0 },
    })
    expect(t.server.calls('tokens/register')).toHaveLength(0)
  })

  it('locked → locked with lockedUntil; nothing more is registered', async () => {
    const lockedUntil = Date.now() + 900_000
    const t = await refused('locked', { lockedUntil })
    expect(t.machine.getSnapshot()).toMatchObject({ state: 'locked', lockedUntil })
    t.machine.send({ type: 'REGISTER', input: phone })
    expect(t.state()).toBe('locked')
  })

  it('no_flow → expired; REGISTER again once the app renewed the session', async () => {
    const t = await refused('no_flow')
    expect(t.machine.getSnapshot()).toMatchObject({ state: 'expired', error: { code: 'no_flow' } })
    t.server.on('tokens/register', () => ({
      body: { status: 'registered', kind: 'sms', label: '•••• 8899', serverTime: Date.now() },
    }))
    t.machine.send({ type: 'REGISTER', input: phone })
    await settle()
    expect(t.state()).toBe('registered')
  })

  it('step_up_required → awaiting-step-up (input kept); STEPPED_UP registers the same input once', async () => {
    const t = await refused('step_up_required', { maxAgeSeconds: 300 })
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'awaiting-step-up',
      error: { code: 'step_up_required', status: 401, maxAgeSeconds: 300 },
    })
    expect(JSON.stringify(t.machine.getSnapshot())).not.toContain('+60127778899')
    t.machine.send({ type: 'REGISTER', input: { kind: 'hardware', serial: 'CR0000002' } })
    expect(t.state()).toBe('awaiting-step-up') // the form is not sent again while the step-up runs
    t.server.on('tokens/register', () => ({
      body: { status: 'registered', kind: 'sms', label: '•••• 8899', serverTime: Date.now() },
    }))
    t.machine.send({ type: 'STEPPED_UP' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'registered',
      result: { label: '•••• 8899' },
    })
    expect(t.server.calls('tokens/register').map((r) => r.body.phoneNumber)).toEqual([
      '+60127778899',
      '+60127778899',
    ])
    expect(t.onRegistered).toHaveBeenCalledTimes(1)
  })

  it('a second step_up_required right after a step-up → expired (no loop)', async () => {
    const t = await refused('step_up_required')
    t.machine.send({ type: 'STEPPED_UP' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'expired',
      error: { code: 'step_up_required' },
    })
    expect(t.server.calls('tokens/register')).toHaveLength(2)
  })

  it('awaiting-step-up → CANCEL → idle, nothing kept; REGISTER starts over', async () => {
    const t = await refused('step_up_required')
    t.machine.send({ type: 'CANCEL' })
    expect(t.machine.getSnapshot()).toEqual({ state: 'idle' })
    t.machine.send({ type: 'RETRY' })
    expect(t.state()).toBe('idle')
    expect(t.server.calls('tokens/register')).toHaveLength(1)
  })

  it('error → RETRY registers the same input again; REGISTER another one', async () => {
    const t = await refused('enrolment_rejected')
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'error',
      error: { code: 'enrolment_rejected' },
    })
    t.machine.send({ type: 'RETRY' })
    await settle()
    expect(t.server.calls('tokens/register').map((r) => r.body.phoneNumber)).toEqual([
      '+60127778899',
      '+60127778899',
    ])
    t.machine.send({ type: 'REGISTER', input: { kind: 'hardware', serial: 'CR0000002' } })
    await settle()
    expect(t.server.calls('tokens/register').at(-1)?.body.serial).toBe('CR0000002')
  })

  it('every entry of enrolmentTransitions was taken by a test in this file', () => {
    const all = Object.entries(enrolmentTransitions).flatMap(([state, events]) =>
      Object.entries(events).flatMap(([event, list]) =>
        (list ?? []).map((_, index) => `${state} ${event} #${index}`),
      ),
    )
    expect(all.filter((entry) => !covered.has(entry))).toEqual([])
  })
})
