import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent } from 'storybook/test'
import { factorDevices } from '@centagate-kit/testkit/story-factor-devices'
import { renderInBackend, type KitStoryParameters } from '@centagate-kit/testkit/story-frame'
import {
  backendLoader,
  backendOf,
  untilElement,
  untilState,
} from '@centagate-kit/testkit/story-helpers'
import { AuthenticatorEnrollment } from './authenticator-enrollment'

/**
 * Setting up an authenticator app or the CENTAGATE app on the real server + emulator. carol has
 * no factor yet (no step-up needed for her first one); bob has a phone (a fresh step-up first).
 */
const meta = {
  title: 'Flows/AuthenticatorEnrollment',
  component: AuthenticatorEnrollment,
  loaders: [backendLoader],
  parameters: { backend: { user: 'carol' } } satisfies KitStoryParameters,
  render: renderInBackend(AuthenticatorEnrollment),
} satisfies Meta<typeof AuthenticatorEnrollment>
export default meta
type Story = StoryObj<typeof meta>

const scope = 'authenticator-enrollment'
const start = async (canvasElement: HTMLElement) =>
  userEvent.click(await untilElement(canvasElement, `[data-scope="${scope}"][data-part="start"]`))
/** Puts focus in the code field (the widget leaves it on the QR and key for reading first). */
const typeCode = async (canvasElement: HTMLElement, code: string) => {
  await userEvent.click(
    await untilElement(
      canvasElement,
      `[data-scope="${scope}"] input[autocomplete="one-time-code"]`,
    ),
  )
  await userEvent.keyboard(code)
}
const qrValue = async (canvasElement: HTMLElement) =>
  (await untilElement(canvasElement, '[data-part="code"] svg[data-qr-value]')).getAttribute(
    'data-qr-value',
  )!

export const Idle: Story = {}

export const Starting: Story = {
  parameters: { backend: { user: 'carol', latencyMs: Infinity } },
  play: async ({ canvasElement }) => {
    await start(canvasElement)
    await untilState(canvasElement, scope, 'starting')
  },
}

/** The otpauth QR and the key in groups of four (LTR), waiting for the first code. */
const showScan = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await start(canvasElement)
  await untilState(canvasElement, scope, 'scan')
  await expect(await qrValue(canvasElement)).toMatch(/^otpauth:\/\/totp\/CENTAGATE:carol\?/)
  const key = canvasElement.querySelector('[data-part="key"]')!
  await expect(key.textContent).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/)
  await expect(key).toHaveAttribute('dir', 'ltr')
}
export const Scan: Story = { play: showScan }

export const WrongCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    await start(canvasElement)
    await untilState(canvasElement, scope, 'scan')
    const right = await factorDevices(backendOf({ loaded })).authenticatorCode()
    await typeCode(canvasElement, right === '000000' ? '111111' : '000000')
    const message = await untilElement(canvasElement, '[data-part="message"]:not(:empty)')
    await expect(message).toHaveTextContent(/not correct/)
    await untilState(canvasElement, scope, 'scan')
    // The key stays shown for another try.
    await expect(canvasElement.querySelector('[data-part="key"]')).not.toBeNull()
  },
}

export const Verifying: Story = {
  parameters: {
    backend: { user: 'carol', faults: [{ endpoint: 'authOtp', kind: 'latency', delayMs: 60_000 }] },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement)
    await untilState(canvasElement, scope, 'scan')
    await typeCode(canvasElement, '123456')
    await untilState(canvasElement, scope, 'verifying')
  },
}

/** The first code from the authenticator app verifies: the key is gone from the page. */
export const Enrolled: Story = {
  play: async ({ canvasElement, loaded }) => {
    await start(canvasElement)
    await untilState(canvasElement, scope, 'scan')
    const key = canvasElement.querySelector('[data-part="key"]')!.textContent!
    await typeCode(canvasElement, await factorDevices(backendOf({ loaded })).authenticatorCode())
    await untilState(canvasElement, scope, 'enrolled')
    await expect(canvasElement.querySelector('[data-part="status"]')).toHaveTextContent(
      'SOFT-carol',
    )
    await expect(canvasElement.textContent).not.toContain(key)
  },
}

/** The first code came too late: the server removed the half-enrolled token. */
export const Expired: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await start(canvasElement)
    await untilState(canvasElement, scope, 'scan')
    await backend.device.advanceClock(601)
    await typeCode(canvasElement, await factorDevices(backend).authenticatorCode())
    await untilState(canvasElement, scope, 'expired')
  },
}

/** bob already has a phone: a fresh step-up (SMS) opens inline first, then the key. */
export const AwaitingStepUp: Story = {
  parameters: { backend: { user: 'bob' } },
  play: async ({ canvasElement, loaded }) => {
    await start(canvasElement)
    await untilState(canvasElement, scope, 'awaiting-step-up')
    await untilState(canvasElement, 'sms-otp', 'awaiting-otp')
    await userEvent.keyboard((await backendOf({ loaded }).device.latestSmsCode())!)
    await untilState(canvasElement, scope, 'scan')
  },
}

export const Locked: Story = {
  parameters: {
    backend: {
      user: 'carol',
      faults: [{ endpoint: 'registerOfflineOtp', kind: 'return_code', returnCode: '23036' }],
    },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement)
    await untilState(canvasElement, scope, 'locked')
  },
}

export const Error: Story = {
  parameters: { backend: { user: 'carol', networkDown: true } },
  play: async ({ canvasElement }) => {
    await start(canvasElement)
    await untilState(canvasElement, scope, 'error')
    await untilElement(canvasElement, `[data-scope="${scope}"][data-part="error"]`)
  },
}

/** The CENTAGATE app: the QR only (the passcode goes by SMS, into the app). */
export const AppScan: Story = {
  args: { kind: 'app' },
  play: async ({ canvasElement }) => {
    await start(canvasElement)
    await untilState(canvasElement, scope, 'scan')
    await expect(await qrValue(canvasElement)).toMatch(/^CGACT1:/)
    await expect(canvasElement.querySelector('[data-part="key"]')).toBeNull()
  },
}

export const AppChecking: Story = {
  args: { kind: 'app' },
  parameters: {
    backend: {
      user: 'carol',
      faults: [{ endpoint: 'getTokenStatus', kind: 'latency', delayMs: 60_000 }],
    },
  },
  play: async ({ canvasElement }) => {
    await start(canvasElement)
    await untilState(canvasElement, scope, 'scan')
    await userEvent.click(await untilElement(canvasElement, '[data-part="check"]'))
    await untilState(canvasElement, scope, 'checking')
  },
}

/** The app scanned the QR and took the passcode: the widget's poll sees it activated. */
export const AppActivated: Story = {
  args: { kind: 'app' },
  play: async ({ canvasElement, loaded }) => {
    await start(canvasElement)
    await untilState(canvasElement, scope, 'scan')
    await factorDevices(backendOf({ loaded })).activateApp(await qrValue(canvasElement))
    await userEvent.click(await untilElement(canvasElement, '[data-part="check"]'))
    await untilState(canvasElement, scope, 'enrolled')
  },
}

export const Dark: Story = { parameters: { frame: { theme: 'dark' } }, play: showScan }
export const RightToLeftPage: Story = { parameters: { frame: { dir: 'rtl' } }, play: showScan }
export const Malay: Story = { parameters: { frame: { locale: 'ms' } } }
export const Indonesian: Story = { parameters: { frame: { locale: 'id' } } }
export const SimplifiedChinese: Story = { parameters: { frame: { locale: 'zh-CN' } } }
