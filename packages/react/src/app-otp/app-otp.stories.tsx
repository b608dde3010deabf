import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { renderInBackend, type KitStoryParameters } from '@centagate-kit/testkit/story-frame'
import {
  backendLoader,
  backendOf,
  untilElement,
  untilState,
} from '@centagate-kit/testkit/story-helpers'
import { AppOtp } from './app-otp'

/**
 * "Enter the code from the CENTAGATE app" for alice's step-up (her app's TOTP in the emulator).
 * Play functions read the code the app shows now from the emulator's control API. One story per
 * state of the app-code machine (`CodeState`).
 */
const meta = {
  title: 'Flows/AppOtp',
  component: AppOtp,
  loaders: [backendLoader],
  parameters: { backend: { user: 'alice', startStepUp: true } } satisfies KitStoryParameters,
  render: renderInBackend(AppOtp),
} satisfies Meta<typeof AppOtp>
export default meta
type Story = StoryObj<typeof meta>

const codeInput = (canvasElement: HTMLElement) =>
  untilElement<HTMLInputElement>(canvasElement, 'input[autocomplete="one-time-code"]')

async function ready(canvasElement: HTMLElement) {
  await untilState(canvasElement, 'app-otp', 'awaiting-otp')
  return codeInput(canvasElement)
}

async function typeCode(canvasElement: HTMLElement, code: string) {
  await userEvent.click(await ready(canvasElement))
  await userEvent.keyboard(code)
}

/** `idle`: with `autoStart={false}` nothing happens until "Enter a code". */
export const Idle: Story = {
  args: { autoStart: false },
  play: async ({ canvasElement }) => {
    const root = await untilState(canvasElement, 'app-otp', 'idle')
    await expect(root.querySelector('[data-part="send-button"]')).toHaveTextContent('Enter a code')
  },
}

/** `sending`: the window is being opened (no CENTAGATE call; the kit server records it). */
export const Starting: Story = {
  parameters: { backend: { user: 'alice', startStepUp: true, latencyMs: Infinity } },
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, 'app-otp', 'sending')
  },
}

/** `awaiting-otp`: the field is there at once and focused; the window's time left below. */
export const AwaitingCode: Story = {
  play: async ({ canvasElement }) => {
    const input = await ready(canvasElement)
    await waitFor(() => expect(document.activeElement).toBe(input))
    await expect(canvasElement.querySelector('[data-part="expiry-timer"]')).toHaveTextContent(
      /Enter a code within \d:\d\d/,
    )
  },
}

/** A wrong code: the field says so with the attempts left, and stays open. */
export const WrongCode: Story = {
  play: async ({ canvasElement }) => {
    await typeCode(canvasElement, '000000')
    const message = await untilElement(canvasElement, '[data-part="message"]:not(:empty)')
    await expect(message).toHaveTextContent(/attempts left/)
    await untilState(canvasElement, 'app-otp', 'awaiting-otp')
  },
}

/** `verifying`: CENTAGATE is slow to answer the code. */
export const Verifying: Story = {
  parameters: {
    backend: {
      user: 'alice',
      startStepUp: true,
      faults: [{ endpoint: 'authOtp', kind: 'latency', delayMs: 120_000 }],
    },
  },
  play: async ({ canvasElement, loaded }) => {
    await typeCode(canvasElement, await backendOf({ loaded }).device.appCode())
    await untilState(canvasElement, 'app-otp', 'verifying')
  },
}

/** `approved`: the code the app shows now. */
export const Verified: Story = {
  play: async ({ canvasElement, loaded }) => {
    await typeCode(canvasElement, await backendOf({ loaded }).device.appCode())
    await untilState(canvasElement, 'app-otp', 'approved')
  },
}

/** `expired`: the window closed; "Start again" opens a new one. */
export const WindowExpired: Story = {
  parameters: {
    backend: { user: 'alice', startStepUp: true, limits: { challengeTtlMs: 2_000 } },
  },
  play: async ({ canvasElement }) => {
    await ready(canvasElement)
    await untilState(canvasElement, 'app-otp', 'expired', 6_000)
    await expect(await untilElement(canvasElement, '[data-part="error"]')).toHaveAttribute(
      'data-error-code',
      'otp_expired',
    )
    await expect(canvasElement.querySelector('[data-part="send-button"]')).toHaveTextContent(
      'Start again',
    )
  },
}

/** `locked` (this window): too many wrong codes; "Start again" opens a new window. */
export const TooManyWrongCodes: Story = {
  parameters: {
    backend: { user: 'alice', startStepUp: true, limits: { challengeMaxFailures: 1 } },
  },
  play: async ({ canvasElement }) => {
    await typeCode(canvasElement, '000000')
    await untilElement(canvasElement, '[data-part="message"]:not(:empty)')
    await typeCode(canvasElement, '000001')
    await untilState(canvasElement, 'app-otp', 'locked')
    await expect(canvasElement.querySelector('[data-part="send-button"]')).not.toBeNull()
  },
}

/** `locked` (the user): no way forward until the lock ends. */
export const LockedOut: Story = {
  parameters: {
    backend: { user: 'alice', startStepUp: true, limits: { userMaxFailures: 2 } },
  },
  play: async ({ canvasElement }) => {
    for (const wrong of ['000001', '000002']) {
      await typeCode(canvasElement, wrong)
      await waitFor(() =>
        expect(
          canvasElement.querySelector('[data-scope="app-otp"][data-part="root"]'),
        ).not.toHaveAttribute('data-busy'),
      )
    }
    await untilState(canvasElement, 'app-otp', 'locked')
    await expect(await untilElement(canvasElement, '[data-part="error"]')).toHaveTextContent(
      /Locked until/,
    )
    await expect(canvasElement.querySelector('[data-part="send-button"]')).toBeNull()
  },
}

/** `denied`: CENTAGATE refused the request (23026). */
export const Rejected: Story = {
  parameters: {
    backend: {
      user: 'alice',
      startStepUp: true,
      faults: [{ endpoint: 'authOtp', kind: 'return_code', returnCode: '23026' }],
    },
  },
  play: async ({ canvasElement }) => {
    await typeCode(canvasElement, '123456')
    await untilState(canvasElement, 'app-otp', 'denied')
  },
}

/** `error`: CENTAGATE unavailable; the code can be typed again. */
export const UpstreamError: Story = {
  parameters: {
    backend: {
      user: 'alice',
      startStepUp: true,
      faults: [{ endpoint: 'authOtp', kind: 'http_error', status: 502 }],
    },
  },
  play: async ({ canvasElement }) => {
    await typeCode(canvasElement, '123456')
    await untilState(canvasElement, 'app-otp', 'error')
    await untilElement(canvasElement, '[data-part="error"]')
    await expect(canvasElement.querySelector('input')).not.toBeNull()
  },
}

export const Dark: Story = {
  parameters: { frame: { theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement)
  },
}

export const RightToLeftPage: Story = {
  parameters: { frame: { dir: 'rtl' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement)
  },
}

export const Malay: Story = {
  parameters: { frame: { locale: 'ms' } },
  play: async ({ canvasElement }) => {
    await ready(canvasElement)
    await expect(canvasElement).toHaveTextContent('Masukkan kod daripada aplikasi CENTAGATE')
  },
}
