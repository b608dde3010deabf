import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { renderInBackend, type KitStoryParameters } from '@centagate-kit/testkit/story-frame'
import {
  backendLoader,
  backendOf,
  untilElement,
  untilState,
} from '@centagate-kit/testkit/story-helpers'
import { ChallengeResponse } from './challenge-response'

/**
 * Challenge-response with alice's hardware token CR0000001 (OCRA in the emulator). Play
 * functions ask the emulated token for the response to the challenge on screen.
 */
const meta = {
  title: 'Flows/ChallengeResponse',
  component: ChallengeResponse,
  loaders: [backendLoader],
  parameters: { backend: { user: 'alice', startStepUp: true } } satisfies KitStoryParameters,
  render: renderInBackend(ChallengeResponse),
} satisfies Meta<typeof ChallengeResponse>
export default meta
type Story = StoryObj<typeof meta>

const getButton = (canvasElement: HTMLElement) =>
  untilElement<HTMLButtonElement>(canvasElement, '[data-part="send-button"]')
const responseInput = (canvasElement: HTMLElement) =>
  untilElement<HTMLInputElement>(canvasElement, 'input[autocomplete="one-time-code"]')

async function showChallenge(canvasElement: HTMLElement): Promise<string> {
  await userEvent.click(await getButton(canvasElement))
  await untilState(canvasElement, 'challenge-response', 'awaiting-otp')
  const digits = await untilElement(canvasElement, '[data-part="challenge-digits"]')
  return (digits.textContent ?? '').replace(/\D/g, '')
}

export const BeforeChallenge: Story = {}

export const Loading: Story = {
  parameters: { backend: { user: 'alice', startStepUp: true, latencyMs: Infinity } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await getButton(canvasElement))
    await untilState(canvasElement, 'challenge-response', 'sending')
  },
}

export const ChallengeShown: Story = {
  play: async ({ canvasElement }) => {
    const challenge = await showChallenge(canvasElement)
    await expect(challenge).toMatch(/^\d{8}$/)
    const groups = canvasElement.querySelectorAll('[data-part="challenge-group"]')
    await expect(groups).toHaveLength(2)
    await expect(canvasElement.querySelector('[data-part="challenge-digits"]')).toHaveAttribute(
      'dir',
      'ltr',
    )
    const reading = canvasElement.querySelector('[data-part="challenge-reading"]')!
    await expect(reading.textContent).toContain(challenge.slice(0, 4).split('').join(' '))
    // Focus lands in the response field once the challenge is there.
    await waitFor(() => expect(document.activeElement).toBe(canvasElement.querySelector('input')))
  },
}

export const WrongResponse: Story = {
  play: async ({ canvasElement }) => {
    await showChallenge(canvasElement)
    await userEvent.click(await responseInput(canvasElement))
    await userEvent.keyboard('000000')
    const message = await untilElement(canvasElement, '[data-part="message"]:not(:empty)')
    await expect(message).toHaveTextContent(/attempts left/)
  },
}

export const Verified: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    const challenge = await showChallenge(canvasElement)
    const response = await backend.device.tokenResponse(challenge)
    await userEvent.click(await responseInput(canvasElement))
    await userEvent.keyboard(response)
    await untilState(canvasElement, 'challenge-response', 'approved')
  },
}

export const ChallengeExpired: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    const challenge = await showChallenge(canvasElement)
    await backend.device.advanceClock(301)
    await userEvent.click(await responseInput(canvasElement))
    await userEvent.keyboard(await backend.device.tokenResponse(challenge))
    await untilState(canvasElement, 'challenge-response', 'expired')
    const error = await untilElement(canvasElement, '[data-part="error"]')
    await expect(error).toHaveTextContent(/expired/i)
  },
}

/** A 4-second challenge: a wrong response, then `expired`; "Get a new challenge" replaces it. */
export const ExpiredAfterWrongResponse: Story = {
  parameters: {
    backend: { user: 'alice', startStepUp: true, limits: { challengeTtlMs: 4_000 } },
  },
  play: async ({ canvasElement }) => {
    await showChallenge(canvasElement)
    await userEvent.click(await responseInput(canvasElement))
    await userEvent.keyboard('000000')
    await untilElement(canvasElement, '[data-part="message"]:not(:empty)')
    await untilState(canvasElement, 'challenge-response', 'expired', 8_000)
    await expect(await untilElement(canvasElement, '[data-part="error"]')).toHaveAttribute(
      'data-error-code',
      'otp_expired',
    )
    await expect(canvasElement.querySelector('input[autocomplete="one-time-code"]')).toBeNull()
    await expect(canvasElement.querySelector('[data-part="challenge-digits"]')).toBeNull()
    const button = await getButton(canvasElement)
    await expect(button).toHaveTextContent('Get a new challenge')
    await userEvent.click(button)
    await untilState(canvasElement, 'challenge-response', 'awaiting-otp')
  },
}

export const LockedOut: Story = {
  parameters: {
    backend: { user: 'alice', startStepUp: true, limits: { userMaxFailures: 1 } },
  },
  play: async ({ canvasElement }) => {
    await showChallenge(canvasElement)
    await userEvent.click(await responseInput(canvasElement))
    await userEvent.keyboard('000000')
    await untilState(canvasElement, 'challenge-response', 'locked')
    await expect(await untilElement(canvasElement, '[data-part="error"]')).toHaveTextContent(
      /Locked until/,
    )
  },
}

export const UpstreamTimeout: Story = {
  parameters: {
    backend: { user: 'alice', startStepUp: true, faults: [{ endpoint: '*', kind: 'drop' }] },
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(await getButton(canvasElement))
    const error = await untilElement(canvasElement, '[data-part="error"]')
    await expect(error.getAttribute('data-error-code')).toMatch(/^upstream_/)
  },
}

export const RightToLeftPage: Story = {
  parameters: { frame: { dir: 'rtl' } },
  play: async ({ canvasElement }) => {
    await showChallenge(canvasElement)
    const groups = [...canvasElement.querySelectorAll('[data-part="challenge-group"]')]
    const [first, second] = groups.map((group) => group.getBoundingClientRect().left)
    await expect(first!).toBeLessThan(second!)
  },
}

export const Dark: Story = {
  parameters: { frame: { theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await showChallenge(canvasElement)
  },
}

export const Malay: Story = {
  parameters: { frame: { locale: 'ms' } },
  play: async ({ canvasElement }) => {
    await showChallenge(canvasElement)
    await expect(canvasElement).toHaveTextContent('Cabaran')
  },
}
export const Indonesian: Story = {
  parameters: { frame: { locale: 'id' } },
  play: async ({ canvasElement }) => {
    await showChallenge(canvasElement)
    await expect(canvasElement).toHaveTextContent('Tantangan')
  },
}
export const SimplifiedChinese: Story = {
  parameters: { frame: { locale: 'zh-CN' } },
  play: async ({ canvasElement }) => {
    await showChallenge(canvasElement)
    await expect(canvasElement).toHaveTextContent('挑战码')
  },
}
