import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor } from 'storybook/test'
import { WithLocale, type KitStoryParameters } from '@centagate-kit/testkit/story-frame'
import { OtpField } from './otp-field'

const meta = {
  title: 'Components/OtpField',
  component: OtpField,
  args: { onValueChange: fn(), onComplete: fn() },
  render: (args, context) => (
    <WithLocale locale={(context.parameters as KitStoryParameters).frame?.locale}>
      <OtpField {...args} />
    </WithLocale>
  ),
} satisfies Meta<typeof OtpField>
export default meta
type Story = StoryObj<typeof meta>

const input = (canvasElement: HTMLElement) => canvasElement.querySelector('input')!

export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const field = input(canvasElement)
    await userEvent.click(field)
    await userEvent.keyboard('482913')
    await waitFor(() => expect(args.onComplete).toHaveBeenCalledWith({ value: '482913' }))
    await expect(field).toHaveAttribute('autocomplete', 'one-time-code')
    await expect(field).toHaveAttribute('inputmode', 'numeric')
  },
}

export const Filled: Story = { args: { defaultValue: '482913' } }

export const Partial: Story = { args: { defaultValue: '48' } }

export const PasteWithSpacesAndDashes: Story = {
  play: async ({ canvasElement, args }) => {
    const field = input(canvasElement)
    await userEvent.click(field)
    await userEvent.paste('48-29 13')
    await waitFor(() => expect(field.value).toBe('482913'))
    await expect(args.onComplete).toHaveBeenCalledWith({ value: '482913' })
  },
}

export const WrongCode: Story = {
  args: { defaultValue: '', error: 'That code is not correct.', attemptsLeft: 2 },
  play: async ({ canvasElement }) => {
    await expect(input(canvasElement)).toHaveAttribute('aria-invalid', 'true')
    const message = canvasElement.querySelector('[data-part="message"]')!
    await expect(message).toHaveTextContent('That code is not correct. 2 attempts left.')
  },
}

export const LastAttempt: Story = {
  args: { error: 'That code is not correct.', attemptsLeft: 1 },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-part="message"]')).toHaveTextContent(
      '1 attempt left.',
    )
  },
}

export const Disabled: Story = { args: { defaultValue: '4829', disabled: true } }

export const EightDigits: Story = { args: { length: 8 } }

export const RightToLeftPage: Story = {
  args: { defaultValue: '123456', label: 'رمز التحقق' },
  parameters: { frame: { dir: 'rtl' } },
  play: async ({ canvasElement }) => {
    const slots = [...canvasElement.querySelectorAll('[data-part="slot"]')]
    const lefts = slots.map((slot) => slot.getBoundingClientRect().left)
    await expect(lefts).toEqual([...lefts].sort((a, b) => a - b))
    await expect(slots[0]).toHaveTextContent('1')
  },
}

export const Dark: Story = {
  args: { defaultValue: '48', error: 'That code is not correct.', attemptsLeft: 3 },
  parameters: { frame: { theme: 'dark' } },
}

export const Malay: Story = {
  args: { error: 'Kod itu tidak betul.', attemptsLeft: 2 },
  parameters: { frame: { locale: 'ms' } },
}
export const Indonesian: Story = { parameters: { frame: { locale: 'id' } } }
export const SimplifiedChinese: Story = {
  args: { error: '验证码不正确。', attemptsLeft: 2 },
  parameters: { frame: { locale: 'zh-CN' } },
}
