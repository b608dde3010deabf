import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent } from 'storybook/test'
import { storyTransaction } from '@centagate-kit/testkit/story-backend'
import { renderInBackend, type KitStoryParameters } from '@centagate-kit/testkit/story-frame'
import {
  backendLoader,
  backendOf,
  untilElement,
  untilState,
} from '@centagate-kit/testkit/story-helpers'
import { PushApproval } from './push-approval'

/**
 * "Approve on your phone" for alice's step-up: the push goes to her CENTAGATE app in the
 * emulator, whose control API approves or rejects it as the user would on the phone. One story
 * per state of the push machine (`PushState`).
 */
const meta = {
  title: 'Flows/PushApproval',
  component: PushApproval,
  loaders: [backendLoader],
  parameters: { backend: { user: 'alice', startStepUp: true } } satisfies KitStoryParameters,
  render: renderInBackend(PushApproval),
} satisfies Meta<typeof PushApproval>
export default meta
type Story = StoryObj<typeof meta>

const sendButton = (canvasElement: HTMLElement) =>
  untilElement<HTMLButtonElement>(canvasElement, '[data-part="send-button"]')

async function sendPush(canvasElement: HTMLElement) {
  await userEvent.click(await sendButton(canvasElement))
  return untilState(canvasElement, 'push-approval', 'awaiting-approval')
}

/** `idle`: nothing is sent until the user asks (no push nobody expects). */
export const BeforeSending: Story = {
  play: async ({ canvasElement }) => {
    await expect(await sendButton(canvasElement)).toHaveTextContent('Send a request to my phone')
  },
}

/** `sending`: the push is on its way. */
export const Sending: Story = {
  parameters: { backend: { user: 'alice', startStepUp: true, latencyMs: Infinity } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await sendButton(canvasElement))
    await untilState(canvasElement, 'push-approval', 'sending')
  },
}

/** `awaiting-approval`: the screen shows exactly what the app shows, and the time left. */
export const WaitingForApproval: Story = {
  play: async ({ canvasElement, loaded }) => {
    await sendPush(canvasElement)
    const onPhone = await backendOf({ loaded }).device.pendingPush()
    await expect(onPhone).toBe('Sign in')
    await expect(canvasElement.querySelector('[data-part="details"]')).toHaveTextContent(onPhone!)
    await expect(canvasElement.querySelector('[data-part="status"]')).toHaveTextContent(
      'Waiting for your approval',
    )
  },
}

/** A step-up with a transaction: the push carries the server's summary of it. */
export const TransactionOnThePhone: Story = {
  parameters: { backend: { user: 'alice', startStepUp: { transactionId: storyTransaction.id } } },
  args: { transaction: storyTransaction },
  play: async ({ canvasElement, loaded }) => {
    await sendPush(canvasElement)
    await expect(await backendOf({ loaded }).device.pendingPush()).toBe(storyTransaction.summary)
    await expect(canvasElement.querySelector('[data-part="details"]')).toHaveTextContent(
      storyTransaction.summary,
    )
  },
}

/** `approved`: approved in the app, seen by polling. */
export const Approved: Story = {
  play: async ({ canvasElement, loaded }) => {
    await sendPush(canvasElement)
    await backendOf({ loaded }).device.decidePush('approve')
    await untilState(canvasElement, 'push-approval', 'approved', 8_000)
  },
}

/** `denied`: rejected in the app; "Send a new request" is offered. */
export const Rejected: Story = {
  play: async ({ canvasElement, loaded }) => {
    await sendPush(canvasElement)
    await backendOf({ loaded }).device.decidePush('reject')
    await untilState(canvasElement, 'push-approval', 'denied', 8_000)
    await expect(await sendButton(canvasElement)).toHaveTextContent('Send a new request')
  },
}

/** `expired`: nobody answered in time; a new request may be sent. */
export const Expired: Story = {
  parameters: {
    backend: { user: 'alice', startStepUp: true, limits: { challengeTtlMs: 2_000 } },
  },
  play: async ({ canvasElement }) => {
    await sendPush(canvasElement)
    await untilState(canvasElement, 'push-approval', 'expired', 6_000)
    await expect(await sendButton(canvasElement)).toHaveTextContent('Send a new request')
  },
}

/** `locked`: CENTAGATE says the user's app is locked (23036). */
export const Locked: Story = {
  parameters: {
    backend: {
      user: 'alice',
      startStepUp: true,
      faults: [{ endpoint: 'requestMobilePushCR', kind: 'return_code', returnCode: '23036' }],
    },
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(await sendButton(canvasElement))
    await untilState(canvasElement, 'push-approval', 'locked')
    await untilElement(canvasElement, '[data-part="error"]')
  },
}

/** `error`: CENTAGATE unavailable; "Send a new request" tries again. */
export const UpstreamError: Story = {
  parameters: {
    backend: {
      user: 'alice',
      startStepUp: true,
      faults: [{ endpoint: 'requestMobilePushCR', kind: 'http_error', status: 502 }],
    },
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(await sendButton(canvasElement))
    await untilState(canvasElement, 'push-approval', 'error')
    await untilElement(canvasElement, '[data-part="error"]')
    await expect(await sendButton(canvasElement)).toBeEnabled()
  },
}

export const Dark: Story = {
  parameters: { frame: { theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await sendPush(canvasElement)
  },
}

export const RightToLeftPage: Story = {
  parameters: { frame: { dir: 'rtl' } },
  play: async ({ canvasElement }) => {
    await sendPush(canvasElement)
  },
}

export const Malay: Story = {
  parameters: { frame: { locale: 'ms' } },
  play: async ({ canvasElement }) => {
    await sendPush(canvasElement)
    await expect(canvasElement).toHaveTextContent('Menunggu kelulusan anda pada telefon')
  },
}
