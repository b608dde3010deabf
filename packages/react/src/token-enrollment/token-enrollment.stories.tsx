import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { WithBackend, type KitStoryParameters } from '@centagate-kit/testkit/story-frame'
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
  render: (args, context) => (
    <WithBackend
      backend={backendOf(context)}
      locale={(context.parameters as KitStoryParameters).frame?.locale}
    >
      <TokenEnrollment {...args} />
    </WithBackend>
  ),
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

export const Dark: Story = { parameters: { frame: { theme: 'dark' } } }
export const RightToLeftPage: Story = { parameters: { frame: { dir: 'rtl' } } }
export const Malay: Story = { parameters: { frame: { locale: 'ms' } } }
export const Indonesian: Story = { parameters: { frame: { locale: 'id' } } }
export const SimplifiedChinese: Story = { parameters: { frame: { locale: 'zh-CN' } } }
