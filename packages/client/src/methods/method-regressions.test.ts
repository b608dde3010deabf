// Regressions of issue 12, for each method, standalone AND inside the step-up machine (the same
// method machine either way): a wrong code, then the clock past expiry → `expired`, and a code
// submitted then is answered, never silently dropped; an early resend is refused the same way.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDeviceSignals } from '../device-signals'
import { createKitClient } from '../kit-client'
import { createStepUpMachine } from '../step-up/step-up-machine'
import type { StepUpChildSnapshot } from '../step-up/step-up-types'
import { bodies, createFakeKitFetch } from '@centagate-kit/testkit/fake-kit-fetch'
import { createManualVisibility } from '../visibility'
import { createAppOtpMachine } from './app-otp/app-otp-machine'
import { createChallengeMachine } from './challenge/challenge-machine'
import type { QrEvent } from './method-types'
import { createQrMachine } from './qr/qr-machine'
import { createSmsMachine } from './sms/sms-machine'

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

const settle = () => vi.advanceTimersByTimeAsync(0)
const modes = ['standalone', 'inside StepUp'] as const
type Mode = (typeof modes)[number]

type CodeMethod = 'sms' | 'challenge' | 'qr' | 'app_otp'

/** One method, run either on its own machine or as the step-up machine's child. */
async function open(method: CodeMethod, mode: Mode) {
  const server = createFakeKitFetch()
  const now = server.serverNow
  server.on('stepup/start', () => ({ body: bodies.factorRequired(now(), [method]) }))
  server.on('sms/send', () => ({ body: bodies.smsSent(now()) }))
  server.on('challenge/send', () => ({ body: bodies.challengeSent(now()) }))
  server.on('qr/send', () => ({ body: bodies.qrSent(now()) }))
  server.on('qr/status', () => ({ body: bodies.qrPending(now()) }))
  server.on('app-otp/start', () => ({ body: bodies.appOtpStarted(now()) }))
  for (const route of ['sms/verify', 'challenge/verify', 'qr/verify', 'app-otp/verify'] as const) {
    server.on(route, () => ({ error: 'otp_invalid', fields: { attemptsLeft: 4 } }))
  }
  const client = createKitClient({
    fetch: server.fetch,
    deviceSignals: createDeviceSignals({ fingerprint: false }),
  })
  const options = { client, visibility: createManualVisibility() }
  let send: (event: QrEvent) => void
  let view: () => StepUpChildSnapshot | undefined
  if (mode === 'standalone') {
    const machine = (
      method === 'sms'
        ? createSmsMachine
        : method === 'challenge'
          ? createChallengeMachine
          : method === 'app_otp'
            ? createAppOtpMachine
            : createQrMachine
    )(options)
    send = machine.send as (event: QrEvent) => void
    view = machine.getSnapshot
    send({ type: 'CODE.SEND' })
  } else {
    const stepUp = createStepUpMachine(options)
    send = stepUp.send
    view = () => stepUp.getSnapshot().child
    // The user's only method: chosen and sent by the step-up machine.
    stepUp.send({ type: 'START.STEPUP' })
  }
  await settle()
  const verifyRoute =
    method === 'app_otp' ? ('app-otp/verify' as const) : (`${method}/verify` as const)
  const sendRoute = method === 'app_otp' ? ('app-otp/start' as const) : (`${method}/send` as const)
  const submit = (code: string) =>
    send(method === 'qr' ? { type: 'QR.VERIFY', otp: code } : { type: 'CODE.SUBMIT', code })
  return { server, send, view, submit, verifyRoute, sendRoute, now }
}

describe.each(['sms', 'challenge', 'qr', 'app_otp'] as const)('%s', (method) => {
  const waiting = method === 'qr' ? 'awaiting-approval' : 'awaiting-otp'
  const lifetimeMs = method === 'qr' ? 120_000 : 300_000

  it.each(modes)(
    '%s: a wrong code, then the clock past expiry → expired; a code typed then is answered',
    async (mode) => {
      const t = await open(method, mode)
      t.submit('00000000')
      await settle()
      expect(t.view()).toMatchObject({ state: waiting, error: { code: 'otp_invalid' } })
      await vi.advanceTimersByTimeAsync(lifetimeMs)
      expect(t.view()?.state).toBe('expired')
      // The stale wrong-code error is gone: the view shows "expired" and a new-code action.
      expect(t.view()?.error?.code).not.toBe('otp_invalid')
      const before = t.view()
      t.submit('12345678')
      await settle()
      expect(t.view()).toMatchObject({ state: 'expired', error: { code: 'otp_expired' } })
      expect(t.view()).not.toBe(before)
      expect(t.server.calls(t.verifyRoute)).toHaveLength(1)
      // Only a new code helps, and it works.
      t.send({ type: 'CODE.SEND' })
      await settle()
      expect(t.view()?.state).toBe(waiting)
      expect(t.server.calls(t.sendRoute)).toHaveLength(2)
    },
  )
})

describe('an early resend, refused the same way standalone and inside StepUp', () => {
  it.each(modes)(
    '%s: SMS within the cooldown is refused locally with the exact wait',
    async (mode) => {
      const t = await open('sms', mode)
      await vi.advanceTimersByTimeAsync(30_000)
      t.send({ type: 'CODE.SEND' })
      await settle()
      const resendAvailableAt = (t.view()?.sent as { resendAvailableAt: number }).resendAvailableAt
      expect(t.view()).toMatchObject({
        state: 'awaiting-otp',
        error: { code: 'rate_limited', status: 0 },
        retryAt: resendAvailableAt,
      })
      expect(t.server.calls('sms/send')).toHaveLength(1)
    },
  )

  it.each(['challenge', 'qr', 'app_otp'] as const)(
    '%s: a new code the server refuses (rate_limited) keeps the current one with retryAt, in both',
    async (method) => {
      const outcomes = []
      for (const mode of modes) {
        const t = await open(method, mode)
        const retryAt = t.now() + 30_000
        t.server.on(t.sendRoute, () => ({ error: 'rate_limited', fields: { retryAt } }))
        t.send({ type: 'CODE.SEND' })
        await settle()
        const { state, retryAt: shown, error } = t.view() ?? {}
        outcomes.push({ state, retryAt: shown === retryAt, code: error?.code })
      }
      expect(outcomes[0]).toEqual({
        state: method === 'qr' ? 'awaiting-approval' : 'awaiting-otp',
        retryAt: true,
        code: 'rate_limited',
      })
      expect(outcomes[1]).toEqual(outcomes[0])
    },
  )
})
