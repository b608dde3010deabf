// Regressions of issue 12 in real Chromium, against the real kit server handler and emulator, for
// each method (SMS, challenge-response, the QR's typed OTP), standalone AND inside <StepUp> (the
// same method machine and widget either way): a wrong code, then the clock past the code's expiry
// → `expired`, the code field replaced by the new-code action (nothing left to submit into), and a
// new code works; an early SMS resend is refused the same way in both.
import type { ReactNode } from 'react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { ChallengeResponse } from './challenge-response/challenge-response'
import { CentagateProvider } from './provider/centagate-provider'
import { QrSigning } from './qr-signing/qr-signing'
import { SmsOtp } from './sms-otp/sms-otp'
import { StepUp } from './step-up/step-up'
import {
  createStoryBackend,
  storyTransaction,
  type StoryBackendOptions,
} from '@centagate-kit/testkit/story-backend'
import { axeViolations } from '@centagate-kit/testkit/axe'

afterEach(() => {
  vi.useRealTimers()
})

type Method = 'sms' | 'challenge' | 'qr'
type Mode = 'standalone' | 'inside StepUp'
const scopes = { sms: 'sms-otp', challenge: 'challenge-response', qr: 'qr-signing' } as const

/**
 * Renders `method` for a user, standalone (the app started the flow) or inside `<StepUp>`, with
 * the clock faked: the emulator, the kit server and the browser's copy of the server clock all
 * read `Date.now()`, so advancing it moves every clock together.
 */
async function setup(method: Method, mode: Mode, backendOptions: StoryBackendOptions = {}) {
  const user = method === 'sms' ? 'bob' : 'alice'
  const transactionId = method === 'qr' ? storyTransaction.id : undefined
  const backend = await createStoryBackend({
    user,
    ...(mode === 'standalone' ? { startStepUp: transactionId ? { transactionId } : true } : {}),
    ...backendOptions,
  })
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    // The fake clock also runs on its own (axe, input-otp and React wait on timers too).
    shouldAdvanceTime: true,
  })
  const transaction =
    backend.started?.status === 'factor_required' ? backend.started.transaction : undefined
  let widget: ReactNode
  if (mode === 'inside StepUp') {
    widget = <StepUp {...(transactionId ? { transactionId } : {})} />
  } else if (method === 'sms') {
    widget = <SmsOtp />
  } else if (method === 'challenge') {
    widget = <ChallengeResponse />
  } else {
    widget = <QrSigning {...(transaction ? { transaction } : {})} />
  }
  const screen = await render(
    <CentagateProvider client={backend.client}>{widget}</CentagateProvider>,
  )
  const $ = <T extends Element = HTMLElement>(selector: string) =>
    screen.container.querySelector<T>(`[data-scope="${scopes[method]}"]${selector}`)
  const root = () => $('[data-part="root"]')
  const state = () => root()?.getAttribute('data-state')
  const codeField = () => screen.container.querySelector('input[autocomplete="one-time-code"]')
  const sendButton = () => $<HTMLButtonElement>('[data-part="send-button"]')

  /** The method's code on screen: sent (StepUp: chosen, SMS-only users get it sent at once). */
  async function showCode() {
    if (mode === 'inside StepUp' && method !== 'sms') {
      await expect
        .poll(() => screen.container.querySelector(`[data-method="${method}"]`))
        .toBeTruthy()
      await userEvent.click(
        screen.container.querySelector<HTMLElement>(`[data-method="${method}"]`)!,
      )
    }
    if (mode === 'standalone') {
      await expect.poll(() => sendButton()).toBeTruthy()
      await userEvent.click(sendButton()!)
    }
    await expect.poll(state).toBe(method === 'qr' ? 'awaiting-approval' : 'awaiting-otp')
    if (method === 'qr') {
      await userEvent.click($<HTMLButtonElement>('[data-part="otp-toggle"]')!)
    }
    await expect.poll(codeField).toBeTruthy()
  }

  /** Types a wrong code and waits for the field to say so. */
  async function typeWrongCode() {
    const length = method === 'qr' ? 8 : 6
    await userEvent.click(codeField()!)
    await userEvent.keyboard('0'.repeat(length - 1) + '9')
    await expect
      .poll(
        () =>
          screen.container.querySelector('[data-scope="otp-field"][data-part="message"]')
            ?.textContent,
      )
      .toMatch(/attempts? left/)
  }

  const sends = () => backend.calls.get(`${method}/send`) ?? 0
  return { backend, screen, state, codeField, sendButton, showCode, typeWrongCode, sends, $ }
}

/**
 * 30-second codes (a tenth of the default: the fake clock then fires ten times fewer countdown
 * ticks and polls), and an SMS resend cooldown that ends before them.
 */
const shortLived: Record<Method, StoryBackendOptions> = {
  sms: {
    emulatorSettings: { otpLifetimeSeconds: 30, smsCooldownSeconds: 20 },
    limits: { smsCooldownMs: 20_000 },
  },
  challenge: { limits: { challengeTtlMs: 30_000 } },
  qr: { limits: { challengeTtlMs: 30_000 } },
}

describe.each(['sms', 'challenge', 'qr'] as const)('%s', (method) => {
  test.each(['standalone', 'inside StepUp'] as const)(
    '%s: a wrong code, then the clock past expiry → expired, the field replaced by a new-code action',
    { timeout: 30_000 },
    async (mode) => {
      const t = await setup(method, mode, shortLived[method])
      await t.showCode()
      await t.typeWrongCode()
      expect(t.state()).toBe(method === 'qr' ? 'awaiting-approval' : 'awaiting-otp')
      const verifies = t.backend.calls.get(`${method}/verify`)
      expect(verifies).toBe(1)

      await vi.advanceTimersByTimeAsync(31_000)
      await expect.poll(t.state).toBe('expired')
      // Nothing left to type into: the stale code field is gone, the new-code action is there.
      expect(t.codeField()).toBeNull()
      const error = t.$('[data-part="error"]')
      if (method === 'qr') {
        expect(t.$('[data-part="status"]')?.textContent).toBe('This QR code has expired.')
      } else {
        expect(error?.getAttribute('data-error-code')).toBe('otp_expired')
        expect(error?.textContent).toMatch(/expired/)
      }
      expect(t.backend.calls.get(`${method}/verify`)).toBe(verifies)
      expect(await axeViolations(t.screen.container)).toEqual([])

      const button = t.sendButton()!
      expect(button.disabled).toBe(false)
      await userEvent.click(button)
      await expect.poll(t.state).toBe(method === 'qr' ? 'awaiting-approval' : 'awaiting-otp')
      expect(t.sends()).toBe(2)
    },
  )
})

describe('an early SMS resend, refused the same way standalone and inside StepUp', () => {
  test.each(['standalone', 'inside StepUp'] as const)(
    '%s: a code expired inside the resend cooldown offers the resend only when it is due',
    { timeout: 30_000 },
    async (mode) => {
      const t = await setup('sms', mode, { emulatorSettings: { otpLifetimeSeconds: 30 } })
      await t.showCode()
      // Before the expiry the resend is refused too (disabled, with its own countdown).
      expect(t.sendButton()!.disabled).toBe(true)
      await vi.advanceTimersByTimeAsync(31_000)
      await expect.poll(t.state).toBe('expired')
      expect(t.codeField()).toBeNull()
      const button = t.sendButton()!
      expect(button.disabled).toBe(true)
      expect(t.$('[data-part="resend-timer"]')?.textContent).toMatch(
        /New code available in 0:[23]\d/,
      )
      button.click()
      expect(t.sends()).toBe(1)
      await vi.advanceTimersByTimeAsync(30_000)
      await expect.poll(() => t.sendButton()!.disabled).toBe(false)
      await userEvent.click(t.sendButton()!)
      await expect.poll(t.state).toBe('awaiting-otp')
      expect(t.sends()).toBe(2)
    },
  )
})
