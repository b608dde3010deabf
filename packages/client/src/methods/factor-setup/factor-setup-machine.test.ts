import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KitErrorCode } from '@centagate-kit/protocol'
import { createFakeKitFetch } from '@centagate-kit/testkit/fake-kit-fetch'
import { createDeviceSignals } from '../../device-signals'
import { createKitClient } from '../../kit-client'
import { createFactorSetupMachine } from './factor-setup-machine'
import { factorSetupTransitions } from './factor-setup-transitions'
import type { FactorSetupKind } from './factor-setup-types'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

const settle = () => vi.advanceTimersByTimeAsync(0)
const covered = new Set<string>()
const key = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

function setup(kind: FactorSetupKind = 'authenticator') {
  const server = createFakeKitFetch()
  server.on('authenticator/start', () => ({
    body: {
      status: 'pending',
      otpauthUri: `otpauth://totp/Demo:carol?secret=${key}&issuer=Demo`,
      key,
      expiresAt: server.serverNow() + 600_000,
      serverTime: server.serverNow(),
    },
  }))
  server.on('authenticator/verify', () => ({
    body: {
      status: 'registered',
      kind: 'token',
      label: 'SOFT-carol',
      serverTime: server.serverNow(),
    },
  }))
  server.on('app/activation/start', () => ({
    body: {
      status: 'pending',
      qr: 'CGACT1:abc',
      expiresAt: server.serverNow() + 300_000,
      serverTime: server.serverNow(),
    },
  }))
  let activation: 'pending' | 'activated' | 'none' = 'pending'
  server.on('app/activation/status', () => ({
    body: { status: activation, serverTime: server.serverNow() },
  }))
  const client = createKitClient({
    fetch: server.fetch,
    deviceSignals: createDeviceSignals({ fingerprint: false }),
  })
  const onEnrolled = vi.fn()
  const machine = createFactorSetupMachine({
    client,
    kind,
    onEnrolled,
    onTransition: ({ from, event, index }) => covered.add(`${from} ${event} #${index}`),
  })
  const state = () => machine.getSnapshot().state
  const setActivation = (value: typeof activation) => {
    activation = value
  }
  return { server, machine, state, onEnrolled, setActivation }
}

async function startRefused(error: KitErrorCode, fields = {}) {
  const t = setup()
  t.server.on('authenticator/start', () => ({ error, fields }))
  t.machine.send({ type: 'START' })
  await settle()
  return t
}

describe('factor setup machine: authenticator', () => {
  it('START → scan (QR value and key) → VERIFY → enrolled, the key forgotten', async () => {
    const t = setup()
    expect(t.machine.getSnapshot()).toEqual({ state: 'idle', kind: 'authenticator' })
    t.machine.send({ type: 'START' })
    expect(t.state()).toBe('starting')
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'scan',
      provisioning: { qrValue: expect.stringContaining('otpauth://'), key },
    })
    t.machine.send({ type: 'VERIFY', code: ' 123 456 ' })
    expect(t.state()).toBe('verifying')
    await settle()
    expect(t.server.calls('authenticator/verify').map((call) => call.body.code)).toEqual(['123456'])
    expect(t.machine.getSnapshot()).toMatchObject({ state: 'enrolled', label: 'SOFT-carol' })
    expect(JSON.stringify(t.machine.getSnapshot())).not.toContain(key)
    expect(t.onEnrolled).toHaveBeenCalledWith({ kind: 'authenticator', label: 'SOFT-carol' })
  })

  it('a wrong code → scan with the error, the key still shown; CANCEL forgets it', async () => {
    const t = setup()
    t.server.on('authenticator/verify', () => ({ error: 'otp_invalid' }))
    t.machine.send({ type: 'START' })
    await settle()
    t.machine.send({ type: 'VERIFY', code: '000000' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'scan',
      error: { code: 'otp_invalid' },
      provisioning: { key },
    })
    t.machine.send({ type: 'CANCEL' })
    expect(t.machine.getSnapshot()).toEqual({ state: 'idle', kind: 'authenticator' })
    expect(JSON.stringify(t.machine.getSnapshot())).not.toContain(key)
  })

  it('the key lapses → expired (nothing shown); START again', async () => {
    const t = setup()
    t.machine.send({ type: 'START' })
    await settle()
    await vi.advanceTimersByTimeAsync(600_000)
    expect(t.machine.getSnapshot()).toEqual({ state: 'expired', kind: 'authenticator' })
    t.machine.send({ type: 'START' })
    await settle()
    expect(t.state()).toBe('scan')
  })

  it('the server says nothing is pending → expired; locked → locked', async () => {
    const t = setup()
    t.server.on('authenticator/verify', () => ({ error: 'flow_step_invalid' }))
    t.machine.send({ type: 'START' })
    await settle()
    t.machine.send({ type: 'VERIFY', code: '123456' })
    await settle()
    expect(t.state()).toBe('expired')
    const u = setup()
    u.server.on('authenticator/verify', () => ({
      error: 'locked',
      fields: { lockedUntil: Date.now() + 60_000 },
    }))
    u.machine.send({ type: 'START' })
    await settle()
    u.machine.send({ type: 'VERIFY', code: '123456' })
    await settle()
    expect(u.machine.getSnapshot()).toMatchObject({ state: 'locked' })
    expect(u.machine.getSnapshot()).not.toHaveProperty('provisioning')
  })

  it('step_up_required → awaiting-step-up; STEPPED_UP starts once more; a second demand → expired', async () => {
    const t = await startRefused('step_up_required', { maxAgeSeconds: 300 })
    expect(t.state()).toBe('awaiting-step-up')
    t.machine.send({ type: 'STEPPED_UP' })
    await settle()
    expect(t.state()).toBe('expired')
    expect(t.server.calls('authenticator/start')).toHaveLength(2)
  })

  it('awaiting-step-up → CANCEL → idle; starting → CANCEL → idle', async () => {
    const t = await startRefused('step_up_required')
    t.machine.send({ type: 'CANCEL' })
    expect(t.state()).toBe('idle')
    const u = setup()
    u.machine.send({ type: 'START' })
    u.machine.send({ type: 'CANCEL' })
    await settle()
    expect(u.state()).toBe('idle')
  })

  it('locked at start → locked; other errors → error, RETRY and START start again', async () => {
    expect((await startRefused('locked', { lockedUntil: Date.now() + 1 })).state()).toBe('locked')
    const t = await startRefused('upstream_unavailable')
    expect(t.state()).toBe('error')
    t.machine.send({ type: 'RETRY' })
    expect(t.state()).toBe('starting')
    await settle()
    t.machine.send({ type: 'START' })
    expect(t.state()).toBe('starting')
    const u = await startRefused('no_flow')
    expect(u.state()).toBe('expired')
  })

  it('an expiry while verifying → expired; CANCEL while verifying → idle', async () => {
    const t = setup()
    t.server.on('authenticator/start', () => ({
      body: {
        status: 'pending',
        otpauthUri: 'otpauth://totp/x?secret=AAAA',
        key: 'AAAA',
        expiresAt: t.server.serverNow() + 1000,
        serverTime: t.server.serverNow(),
      },
    }))
    t.server.on('authenticator/verify', () => new Promise(() => {}))
    t.machine.send({ type: 'START' })
    await settle()
    t.machine.send({ type: 'VERIFY', code: '123456' })
    await vi.advanceTimersByTimeAsync(1000)
    expect(t.state()).toBe('expired')
    const u = setup()
    u.server.on('authenticator/verify', () => new Promise(() => {}))
    u.machine.send({ type: 'START' })
    await settle()
    u.machine.send({ type: 'VERIFY', code: '123456' })
    u.machine.send({ type: 'CANCEL' })
    expect(u.state()).toBe('idle')
  })
})

describe('factor setup machine: CENTAGATE app', () => {
  it('START → scan (QR, no key) → polled until activated → enrolled', async () => {
    const t = setup('app')
    t.machine.send({ type: 'START' })
    await settle()
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'scan',
      provisioning: { qrValue: 'CGACT1:abc' },
    })
    expect(t.machine.getSnapshot().provisioning).not.toHaveProperty('key')
    await vi.advanceTimersByTimeAsync(3000)
    expect(t.server.calls('app/activation/status')).toHaveLength(1)
    expect(t.state()).toBe('scan')
    t.setActivation('activated')
    t.machine.send({ type: 'CHECK' })
    await settle()
    expect(t.state()).toBe('enrolled')
    expect(t.onEnrolled).toHaveBeenCalledWith({ kind: 'app' })
  })

  it('a failed check keeps the QR and polls again; none → expired', async () => {
    const t = setup('app')
    t.machine.send({ type: 'START' })
    await settle()
    t.server.on('app/activation/status', () => ({ error: 'upstream_unavailable' }))
    await vi.advanceTimersByTimeAsync(3000)
    expect(t.machine.getSnapshot()).toMatchObject({
      state: 'scan',
      error: { code: 'upstream_unavailable' },
    })
    t.server.on('app/activation/status', () => ({
      body: { status: 'none', serverTime: Date.now() },
    }))
    await vi.advanceTimersByTimeAsync(3000)
    expect(t.machine.getSnapshot()).toEqual({ state: 'expired', kind: 'app' })
  })

  it('checking → CANCEL → idle; the QR lapses while checking → expired; scan → EXPIRE', async () => {
    const t = setup('app')
    t.machine.send({ type: 'START' })
    await settle()
    t.server.on('app/activation/status', () => new Promise(() => {}))
    t.machine.send({ type: 'CHECK' })
    t.machine.send({ type: 'CANCEL' })
    expect(t.state()).toBe('idle')
    const u = setup('app')
    u.machine.send({ type: 'START' })
    await settle()
    u.server.on('app/activation/status', () => new Promise(() => {}))
    await vi.advanceTimersByTimeAsync(300_000)
    expect(u.state()).toBe('expired')
    const v = setup('app')
    v.server.on('app/activation/status', () => new Promise(() => {}))
    v.machine.send({ type: 'START' })
    await settle()
    // The scan state's own expiry (no check in flight): a stopped poll.
    v.machine.send({ type: 'CANCEL' })
    v.machine.send({ type: 'START' })
    await settle()
    expect(v.state()).toBe('scan')
  })

  it('every entry of factorSetupTransitions was taken by a test in this file', async () => {
    // The scan state's own EXPIRE: the authenticator's key lapses while shown.
    const t = setup()
    t.machine.send({ type: 'START' })
    await settle()
    await vi.advanceTimersByTimeAsync(600_000)
    expect(t.state()).toBe('expired')
    const all = Object.entries(factorSetupTransitions).flatMap(([state, events]) =>
      Object.entries(events).flatMap(([event, list]) =>
        (list ?? []).map((_, index) => `${state} ${event} #${index}`),
      ),
    )
    expect(all.filter((entry) => !covered.has(entry))).toEqual([])
  })
})
