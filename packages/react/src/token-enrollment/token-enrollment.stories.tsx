import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { renderInBackend, type KitStoryParameters } from '@centagate-kit/testkit/story-frame'
import {
  backendLoader,
  backendOf,
  untilElement,
  untilState,
} from '@centagate-kit/testkit/story-helpers'
import { TokenEnrollment } from './token-enrollment'

/** Enrolment for carol (no factor yet); the server registers with its admin credentials. */
const meta = {
  title: 'Flows/TokenEnrollment',
  component: TokenEnrollment,
  loaders: [backendLoader],
  parameters: { backend: { user: 'carol' } } satisfies KitStoryParameters,
  render: renderInBackend(TokenEnrollment),
} satisfies Meta<typeof TokenEnrollment>
export default meta
type Story = StoryObj<typeof meta>

const textInput = (canvasElement: HTMLElement) =>
  untilElement<HTMLInputElement>(canvasElement, 'input[data-part="text-input"]')
const submit = (canvasElement: HTMLElement) =>
  untilElement<HTMLButtonElement>(canvasElement, 'button[type="submit"]')

export const PhoneNumber: Story = {}

export const InvalidPhoneNumber: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.type(await textInput(canvasElement), '0123456789')
    await userEvent.click(await submit(canvasElement))
    const input = await textInput(canvasElement)
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await expect(canvasElement.querySelector('[data-part="field-error"]')).toHaveTextContent(
      'international format',
    )
    await waitFor(() => expect(document.activeElement).toBe(input))
  },
}

export const PhoneRegistered: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.type(await textInput(canvasElement), '+60 12-777 8899')
    await userEvent.keyboard('{Enter}')
    await untilState(canvasElement, 'token-enrollment', 'registered')
    await expect(canvasElement.querySelector('[data-part="status"]')).toHaveTextContent(
      'Registered',
    )
  },
}

export const Submitting: Story = {
  parameters: { backend: { user: 'carol', latencyMs: Infinity } },
  play: async ({ canvasElement }) => {
    await userEvent.type(await textInput(canvasElement), '+60127778899')
    await userEvent.click(await submit(canvasElement))
    await untilState(canvasElement, 'token-enrollment', 'submitting')
  },
}

export const HardwareToken: Story = {
  args: { defaultKind: 'hardware' },
  play: async ({ canvasElement }) => {
    await userEvent.type(await textInput(canvasElement), 'cr0000002')
    await userEvent.click(await submit(canvasElement))
    await untilState(canvasElement, 'token-enrollment', 'registered')
  },
}

export const InvalidSerial: Story = {
  args: { defaultKind: 'hardware' },
  play: async ({ canvasElement }) => {
    await userEvent.type(await textInput(canvasElement), 'AB!')
    await userEvent.click(await submit(canvasElement))
    await expect(canvasElement.querySelector('[data-part="field-error"]')).toHaveTextContent(
      '4 to 32',
    )
  },
}

export const UnknownSerialRejected: Story = {
  args: { defaultKind: 'hardware' },
  play: async ({ canvasElement }) => {
    await userEvent.type(await textInput(canvasElement), 'ZZZZ9999')
    await userEvent.click(await submit(canvasElement))
    const error = await untilElement(canvasElement, '[data-part="error"]')
    await waitFor(() => expect(document.activeElement).toBe(error))
  },
}

/**
 * bob already has a factor (his phone): changing factors needs a fresh step-up. The server answers
 * 401 `step_up_required`; the widget opens the step-up below the form (SMS, bob's only method),
 * then registers the number bob typed, without his typing it again.
 */
export const StepUpBeforeRegistering: Story = {
  parameters: { backend: { user: 'bob' } },
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await userEvent.type(await textInput(canvasElement), '+60 12-777 8899')
    await userEvent.click(await submit(canvasElement))
    await untilState(canvasElement, 'token-enrollment', 'awaiting-step-up')
    await untilState(canvasElement, 'sms-otp', 'awaiting-otp')
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('autocomplete')).toBe('one-time-code'),
    )
    await userEvent.keyboard((await backend.device.latestSmsCode())!)
    await untilState(canvasElement, 'token-enrollment', 'registered')
    await expect(canvasElement.querySelector('[data-part="status"]')).toHaveTextContent('8899')
    await expect(backend.calls.get('tokens/register')).toBe(2)
    await expect(backend.emulator.state.users.bob?.phone).toBe('+60127778899')
  },
}

/** The step-up open under the form, waiting for bob's SMS code: the look of a nested step. */
export const StepUpAwaitingCode: Story = {
  parameters: { backend: { user: 'bob' } },
  play: async ({ canvasElement }) => {
    await userEvent.type(await textInput(canvasElement), '+60 12-777 8899')
    await userEvent.click(await submit(canvasElement))
    await untilState(canvasElement, 'token-enrollment', 'awaiting-step-up')
    await untilState(canvasElement, 'sms-otp', 'awaiting-otp')
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('autocomplete')).toBe('one-time-code'),
    )
  },
}

/** alice has a phone and a token: the step-up under the form starts with her choice of method. */
export const StepUpChoosingMethod: Story = {
  parameters: { backend: { user: 'alice' } },
  play: async ({ canvasElement }) => {
    await userEvent.type(await textInput(canvasElement), '+60 12-777 8899')
    await userEvent.click(await submit(canvasElement))
    await untilState(canvasElement, 'token-enrollment', 'awaiting-step-up')
    await untilElement(canvasElement, '[data-scope="step-up"] [data-part="method"]')
    await expect(await textInput(canvasElement)).toHaveAttribute('readonly')
    await expect(canvasElement.querySelector('button[type="submit"]')).toBeNull()
  },
}

export const StepUpDismissed: Story = {
  parameters: { backend: { user: 'bob' } },
  play: async ({ canvasElement, loaded }) => {
    await userEvent.type(await textInput(canvasElement), '+60127778899')
    await userEvent.click(await submit(canvasElement))
    await untilState(canvasElement, 'sms-otp', 'awaiting-otp')
    await userEvent.click(
      await untilElement(canvasElement, '[data-scope="step-up"][data-part="cancel"]'),
    )
    await untilState(canvasElement, 'token-enrollment', 'idle')
    // What bob typed is still there; nothing was registered.
    await expect(await textInput(canvasElement)).toHaveValue('+60127778899')
    await expect(backendOf({ loaded }).emulator.state.users.bob?.phone).toBe('+60198765432')
  },
}

export const Dark: Story = { parameters: { frame: { theme: 'dark' } } }
export const RightToLeftPage: Story = { parameters: { frame: { dir: 'rtl' } } }
export const Malay: Story = { parameters: { frame: { locale: 'ms' } } }
export const Indonesian: Story = { parameters: { frame: { locale: 'id' } } }
export const SimplifiedChinese: Story = { parameters: { frame: { locale: 'zh-CN' } } }
