import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { renderInBackend, type KitStoryParameters } from '@centagate-kit/testkit/story-frame'
import {
  backendLoader,
  backendOf,
  untilElement,
  untilState,
} from '@centagate-kit/testkit/story-helpers'
import { SecuritySettings } from './security-settings'

/**
 * The signed-in user's own factors on the real server + emulator. alice has a phone, a hardware
 * token and the CENTAGATE app; bob only a phone (his last factor); carol nothing yet.
 */
const meta = {
  title: 'Flows/SecuritySettings',
  component: SecuritySettings,
  loaders: [backendLoader],
  parameters: { backend: { user: 'alice' } } satisfies KitStoryParameters,
  render: renderInBackend(SecuritySettings),
} satisfies Meta<typeof SecuritySettings>
export default meta
type Story = StoryObj<typeof meta>

const scope = 'security-settings'
const item = (canvasElement: HTMLElement, method: string) =>
  untilElement(canvasElement, `[data-scope="${scope}"][data-part="item"][data-method="${method}"]`)
const removeSms = async (canvasElement: HTMLElement) => {
  const sms = await item(canvasElement, 'sms')
  await userEvent.click(within(sms).getByRole('button'))
  await untilState(canvasElement, scope, 'confirming')
}

export const Loading: Story = {
  parameters: { backend: { user: 'alice', latencyMs: Infinity } },
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, scope, 'loading')
  },
}

/** Masked phone, token serial, device name; every one removable (alice has three). */
const showReady = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await untilState(canvasElement, scope, 'ready')
  await expect(await item(canvasElement, 'sms')).toHaveTextContent(/•••• \d{4}/)
  await expect(canvasElement.textContent).not.toMatch(/\+60\d{6}/)
}
export const Ready: Story = { play: showReady }

/** bob's phone is his only factor: Remove is disabled and says why. */
export const LastFactor: Story = {
  parameters: { backend: { user: 'bob' } },
  play: async ({ canvasElement }) => {
    const sms = await item(canvasElement, 'sms')
    const remove = within(sms).getByRole('button')
    await expect(remove).toBeDisabled()
    await expect(remove).toHaveAccessibleDescription(/only sign-in method/)
  },
}

export const NoFactorYet: Story = {
  parameters: { backend: { user: 'carol' } },
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, scope, 'ready')
    await untilElement(canvasElement, '[data-part="status"][data-state="empty"]')
  },
}

export const Confirming: Story = {
  play: async ({ canvasElement }) => {
    await removeSms(canvasElement)
    await expect(canvasElement.querySelector('[data-part="confirm-text"]')).toHaveTextContent(
      /Remove the SMS number •••• \d{4}\?/,
    )
  },
}

/** Removing is a factor change: a fresh step-up opens inline, then the number is removed. */
export const AwaitingStepUp: Story = {
  play: async ({ canvasElement }) => {
    await removeSms(canvasElement)
    await userEvent.click(await untilElement(canvasElement, '[data-part="confirm-remove"]'))
    await untilState(canvasElement, scope, 'awaiting-step-up')
    await untilElement(canvasElement, '[data-scope="step-up"][data-part="root"]')
  },
}

export const Removing: Story = {
  parameters: {
    backend: {
      user: 'carol',
      faults: [{ endpoint: 'unregisterActiveToken', kind: 'latency', delayMs: 60_000 }],
    },
  },
  play: async ({ canvasElement, loaded }) => {
    // carol's pending authenticator is not a factor: withdrawing it needs no step-up.
    await untilState(canvasElement, scope, 'ready')
    await backendOf({ loaded }).client.authenticatorStart()
    // Add, then Back: the list is read again.
    await userEvent.click(
      await untilElement(canvasElement, '[data-part="add"][data-method="authenticator"]'),
    )
    await userEvent.click(await untilElement(canvasElement, '[data-part="back"]'))
    const token = await item(canvasElement, 'token')
    await userEvent.click(within(token).getByRole('button'))
    await userEvent.click(await untilElement(canvasElement, '[data-part="confirm-remove"]'))
    await untilState(canvasElement, scope, 'removing')
  },
}

/** The step-up through the hardware token's challenge, then the phone number is gone. */
export const RemovedAfterStepUp: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await removeSms(canvasElement)
    await userEvent.click(await untilElement(canvasElement, '[data-part="confirm-remove"]'))
    await untilState(canvasElement, scope, 'awaiting-step-up')
    await userEvent.click(
      await untilElement(canvasElement, '[data-part="method"][data-method="sms"]'),
    )
    await untilState(canvasElement, 'sms-otp', 'awaiting-otp')
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('autocomplete')).toBe('one-time-code'),
    )
    await userEvent.keyboard((await backend.device.latestSmsCode())!)
    await untilState(canvasElement, scope, 'ready')
    await untilElement(canvasElement, '[data-part="status"][data-state="approved"]')
    await expect(backend.emulator.state.users.alice?.phone).toBeUndefined()
  },
}

export const Adding: Story = {
  parameters: { backend: { user: 'carol' } },
  play: async ({ canvasElement }) => {
    await userEvent.click(
      await untilElement(canvasElement, '[data-part="add"][data-method="authenticator"]'),
    )
    await untilState(canvasElement, scope, 'adding')
    await untilElement(canvasElement, '[data-scope="authenticator-enrollment"][data-part="root"]')
  },
}

export const Error: Story = {
  parameters: { backend: { user: 'alice', networkDown: true } },
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, scope, 'error')
  },
}

export const Dark: Story = { parameters: { frame: { theme: 'dark' } }, play: showReady }
export const RightToLeftPage: Story = { parameters: { frame: { dir: 'rtl' } }, play: showReady }
export const Malay: Story = { parameters: { frame: { locale: 'ms' } } }
export const Indonesian: Story = { parameters: { frame: { locale: 'id' } } }
export const SimplifiedChinese: Story = { parameters: { frame: { locale: 'zh-CN' } } }
