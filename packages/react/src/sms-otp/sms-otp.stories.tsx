import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { renderInBackend, type KitStoryParameters } from '@centagate-kit/testkit/story-frame'
import {
  backendLoader,
  backendOf,
  untilElement,
  untilState,
} from '@centagate-kit/testkit/story-helpers'
import { SmsOtp } from './sms-otp'

/**
 * SMS OTP against the real kit server and emulator in the browser. Each story starts a step-up
 * flow for `bob` (SMS only) in its loader; play functions read the code from the emulator outbox.
 */
const meta = {
  title: 'Flows/SmsOtp',
  component: SmsOtp,
  loaders: [backendLoader],
  parameters: { backend: { user: 'bob', startStepUp: true } } satisfies KitStoryParameters,
  render: renderInBackend(SmsOtp),
} satisfies Meta<typeof SmsOtp>
export default meta
type Story = StoryObj<typeof meta>

const sendButton = (canvasElement: HTMLElement) =>
  untilElement<HTMLButtonElement>(canvasElement, '[data-part="send-button"]')
const codeInput = (canvasElement: HTMLElement) =>
  untilElement<HTMLInputElement>(canvasElement, 'input[autocomplete="one-time-code"]')

async function sendCode(canvasElement: HTMLElement) {
  await userEvent.click(await sendButton(canvasElement))
  await untilState(canvasElement, 'sms-otp', 'awaiting-otp')
}

export const BeforeSending: Story = {}

export const Sending: Story = {
  parameters: { backend: { user: 'bob', startStepUp: true, latencyMs: Infinity } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await sendButton(canvasElement))
    const root = await untilState(canvasElement, 'sms-otp', 'sending')
    await expect(root).toHaveAttribute('data-busy')
    await expect(await sendButton(canvasElement)).toBeDisabled()
  },
}

export const CodeSent: Story = {
  play: async ({ canvasElement }) => {
    await sendCode(canvasElement)
    // Two distinct timers from server times: resend cooldown and code expiry.
    const resend = await untilElement(canvasElement, '[data-part="resend-timer"]')
    const expiry = await untilElement(canvasElement, '[data-part="expiry-timer"]')
    await expect(resend).toHaveTextContent(/New code available in 1:00|0:59/)
    await expect(expiry).toHaveTextContent(/valid for (5:00|4:59)/)
    await expect(canvasElement.querySelector('[data-part="masked-phone"]')).toHaveTextContent(
      '•••• 5432',
    )
    await expect(await sendButton(canvasElement)).toBeDisabled()
  },
}

export const DoubleClickSendsOneSms: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await userEvent.dblClick(await sendButton(canvasElement))
    await untilState(canvasElement, 'sms-otp', 'awaiting-otp')
    await expect(await backend.device.smsCount()).toBe(1)
    await expect(backend.calls.get('sms/send')).toBe(1)
  },
}

export const WrongCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await sendCode(canvasElement)
    const code = (await backend.device.latestSmsCode())!
    const wrong = code === '000000' ? '111111' : '000000'
    await userEvent.click(await codeInput(canvasElement))
    await userEvent.keyboard(wrong)
    const message = await untilElement(canvasElement, '[data-part="message"]:not(:empty)')
    await expect(message).toHaveTextContent(/not correct\. 4 attempts left\./)
    await waitFor(() => expect(document.activeElement).toBe(canvasElement.querySelector('input')))
  },
}

export const Verified: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await sendCode(canvasElement)
    await userEvent.click(await codeInput(canvasElement))
    await userEvent.keyboard((await backend.device.latestSmsCode())!)
    await untilState(canvasElement, 'sms-otp', 'approved')
  },
}

export const CodeExpired: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await sendCode(canvasElement)
    await backend.device.advanceClock(301)
    // The client learns the new server time from the next answer; the expiry timer then says so.
    await userEvent.click(await codeInput(canvasElement))
    await userEvent.keyboard((await backend.device.latestSmsCode())!)
    await untilState(canvasElement, 'sms-otp', 'expired')
    const error = await untilElement(canvasElement, '[data-part="error"]')
    await expect(error).toHaveTextContent(/expired/)
    await waitFor(() => expect(document.activeElement).toBe(error))
    // The resend cooldown also ended on the server clock (learnt from the error's serverTime).
    const button = await sendButton(canvasElement)
    await waitFor(() => expect(button).toBeEnabled())
    await expect(canvasElement.querySelector('input[autocomplete="one-time-code"]')).toBeNull()
  },
}

/**
 * The code expires (its own lifetime, on the server clock) after a wrong code: `expired`, the
 * code field replaced by "Send a new code", which waits for the resend cooldown (an early resend
 * is refused). A 4-second code so the story needs no clock control.
 */
export const ExpiredAfterWrongCode: Story = {
  parameters: {
    backend: { user: 'bob', startStepUp: true, emulatorSettings: { otpLifetimeSeconds: 4 } },
  },
  play: async ({ canvasElement }) => {
    await sendCode(canvasElement)
    await userEvent.click(await codeInput(canvasElement))
    await userEvent.keyboard('000000')
    await untilElement(canvasElement, '[data-part="message"]:not(:empty)')
    await untilState(canvasElement, 'sms-otp', 'expired', 8_000)
    const error = await untilElement(canvasElement, '[data-part="error"]')
    await expect(error).toHaveAttribute('data-error-code', 'otp_expired')
    await waitFor(() => expect(document.activeElement).toBe(error))
    await expect(canvasElement.querySelector('input[autocomplete="one-time-code"]')).toBeNull()
    await expect(await sendButton(canvasElement)).toBeDisabled()
    await expect(canvasElement.querySelector('[data-part="resend-timer"]')).toHaveTextContent(
      /New code available in 0:\d\d/,
    )
  },
}

export const LockedOut: Story = {
  parameters: {
    backend: { user: 'bob', startStepUp: true, limits: { userMaxFailures: 2 } },
  },
  play: async ({ canvasElement }) => {
    await sendCode(canvasElement)
    for (const wrong of ['000001', '000002']) {
      await userEvent.click(await codeInput(canvasElement))
      await userEvent.keyboard(wrong)
      await waitFor(() =>
        expect(
          canvasElement.querySelector('[data-scope="sms-otp"][data-part="root"]'),
        ).not.toHaveAttribute('data-busy'),
      )
    }
    await untilState(canvasElement, 'sms-otp', 'locked')
    const error = await untilElement(canvasElement, '[data-part="error"]')
    await expect(error).toHaveTextContent(/Locked until/)
    await expect(canvasElement.querySelector('[data-part="send-button"]')).toBeNull()
  },
}

export const HourlyQuotaUsed: Story = {
  parameters: {
    backend: {
      user: 'bob',
      startStepUp: true,
      limits: { smsCooldownMs: 1_000, smsPerHour: 2 },
      // The kit's 1 s cooldown drives the button; CENTAGATE's own is off, or the two race (its
      // second starts when the first send reaches it, later than the kit's under load).
      emulatorSettings: { smsCooldownSeconds: 0 },
    },
  },
  play: async ({ canvasElement }) => {
    await sendCode(canvasElement)
    const button = await sendButton(canvasElement)
    await waitFor(() => expect(button).toBeEnabled(), { timeout: 3000 })
    await userEvent.click(button)
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-part="sends-left"]')).toHaveTextContent(
        '0 texts left this hour.',
      ),
    )
    await expect(await sendButton(canvasElement)).toBeDisabled()
  },
}

export const UpstreamUnavailable: Story = {
  parameters: {
    backend: {
      user: 'bob',
      startStepUp: true,
      faults: [{ endpoint: '*', kind: 'http_error', status: 503 }],
    },
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(await sendButton(canvasElement))
    const error = await untilElement(canvasElement, '[data-part="error"]')
    await expect(error.getAttribute('data-error-code')).toMatch(/^upstream_/)
    await waitFor(() => expect(document.activeElement).toBe(error))
  },
}

export const UpstreamMalformed: Story = {
  parameters: {
    backend: {
      user: 'bob',
      startStepUp: true,
      faults: [{ endpoint: '*', kind: 'malformed_json' }],
    },
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(await sendButton(canvasElement))
    const error = await untilElement(canvasElement, '[data-part="error"]')
    await expect(error.getAttribute('data-error-code')).toMatch(/^upstream_/)
  },
}

export const ClockSkew: Story = {
  parameters: {
    backend: { user: 'bob', startStepUp: true, faults: [{ endpoint: '*', kind: 'clock_skew' }] },
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(await sendButton(canvasElement))
    const error = await untilElement(canvasElement, '[data-part="error"]')
    await expect(error).toHaveAttribute('data-error-code', 'clock_skew')
  },
}

export const NetworkDown: Story = {
  parameters: { backend: { user: 'bob', startStepUp: true, networkDown: true } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await sendButton(canvasElement))
    const error = await untilElement(canvasElement, '[data-part="error"]')
    await expect(error).toHaveAttribute('data-error-code', 'network_error')
  },
}

export const RightToLeftPage: Story = {
  parameters: { frame: { dir: 'rtl' } },
  play: async ({ canvasElement }) => {
    await sendCode(canvasElement)
    const phone = canvasElement.querySelector('[data-part="masked-phone"]')!
    await expect(phone).toHaveAttribute('dir', 'ltr')
  },
}

export const Dark: Story = {
  parameters: { frame: { theme: 'dark' } },
  play: async ({ canvasElement }) => sendCode(canvasElement),
}

export const Malay: Story = {
  parameters: { frame: { locale: 'ms' } },
  play: async ({ canvasElement }) => {
    await sendCode(canvasElement)
    await expect(canvasElement).toHaveTextContent('Kod telah dihantar ke')
  },
}

export const Indonesian: Story = {
  parameters: { frame: { locale: 'id' } },
  play: async ({ canvasElement }) => {
    await sendCode(canvasElement)
    await expect(canvasElement).toHaveTextContent('Kode telah dikirim ke')
  },
}

export const SimplifiedChinese: Story = {
  parameters: { frame: { locale: 'zh-CN' } },
  play: async ({ canvasElement }) => {
    await sendCode(canvasElement)
    await expect(canvasElement).toHaveTextContent('验证码已发送到')
  },
}
