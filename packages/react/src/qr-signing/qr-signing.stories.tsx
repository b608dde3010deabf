import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { storyTransaction } from '@centagate-kit/testkit/story-backend'
import { WithBackend, type KitStoryParameters } from '@centagate-kit/testkit/story-frame'
import {
  backendLoader,
  backendOf,
  untilElement,
  untilState,
} from '@centagate-kit/testkit/story-helpers'
import { QrSigning } from './qr-signing'

/**
 * QR transaction signing for alice: the story's loader starts a step-up for transaction
 * `tx-1042` (the server's `getTransaction` supplies the details); play functions act as the
 * CENTAGATE app through the emulator (scan, approve, reject, read the OTP).
 */
const meta = {
  title: 'Flows/QrSigning',
  component: QrSigning,
  loaders: [backendLoader],
  parameters: {
    backend: { user: 'alice', startStepUp: { transactionId: storyTransaction.id } },
  } satisfies KitStoryParameters,
  render: (args, context) => {
    const backend = backendOf(context)
    const started = backend.started
    const transaction = started?.status === 'factor_required' ? started.transaction : undefined
    return (
      <WithBackend
        backend={backend}
        locale={(context.parameters as KitStoryParameters).frame?.locale}
      >
        <QrSigning {...args} {...(transaction ? { transaction } : {})} />
      </WithBackend>
    )
  },
} satisfies Meta<typeof QrSigning>
export default meta
type Story = StoryObj<typeof meta>

const showButton = (canvasElement: HTMLElement) =>
  untilElement<HTMLButtonElement>(canvasElement, '[data-part="send-button"]')

async function showQr(canvasElement: HTMLElement): Promise<string> {
  await userEvent.click(await showButton(canvasElement))
  await untilState(canvasElement, 'qr-signing', 'awaiting-approval')
  // qrcode.react arrives in its lazy chunk (a same-sized placeholder stands in meanwhile).
  const svg = await untilElement(canvasElement, '[data-part="code"] svg[data-qr-value]')
  await expect(svg).toHaveAttribute('role', 'img')
  // The QR value is not in the DOM as text: the story reads it from the last qr/send answer.
  return svg.getAttribute('data-qr-value') ?? ''
}

export const TransactionDetails: Story = {
  play: async ({ canvasElement }) => {
    const rows = [...canvasElement.querySelectorAll('[data-part="detail"]')]
    // Exactly the server's fields, in order, verbatim.
    await expect(rows.map((row) => row.textContent)).toEqual(
      storyTransaction.fields.map((field) => `${field.label}${field.value}`),
    )
  },
}

export const Loading: Story = {
  parameters: {
    backend: {
      user: 'alice',
      startStepUp: { transactionId: storyTransaction.id },
      latencyMs: Infinity,
    },
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(await showButton(canvasElement))
    await untilState(canvasElement, 'qr-signing', 'sending')
  },
}

export const WaitingForApproval: Story = {
  play: async ({ canvasElement }) => {
    await showQr(canvasElement)
    await expect(canvasElement.querySelector('[data-part="code"] svg')).toHaveAccessibleName(
      `QR code for the CENTAGATE app: ${storyTransaction.summary}`,
    )
    await expect(canvasElement.querySelector('[data-part="manual-code"]')?.textContent).toMatch(
      /\d/,
    )
    await expect(canvasElement.querySelector('[data-part="status"]')).toHaveTextContent(
      'Waiting for your approval',
    )
  },
}

export const Approved: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    const value = await showQr(canvasElement)
    const scanned = await backend.device.scanQr(value)
    await expect(scanned.details).toBeTruthy()
    await backend.device.decide('approve')
    await untilState(canvasElement, 'qr-signing', 'approved', 10_000)
  },
}

export const Rejected: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await backend.device.scanQr(await showQr(canvasElement))
    await backend.device.decide('reject')
    await untilState(canvasElement, 'qr-signing', 'denied', 10_000)
    await expect(await showButton(canvasElement)).toHaveTextContent('Show a new QR code')
  },
}

export const Expired: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await showQr(canvasElement)
    await backend.device.advanceClock(301)
    await untilState(canvasElement, 'qr-signing', 'expired', 10_000)
  },
}

export const TypedOtpFallback: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    const { otp } = await backend.device.scanQr(await showQr(canvasElement))
    await userEvent.click(await untilElement(canvasElement, '[data-part="otp-toggle"]'))
    const input = await untilElement<HTMLInputElement>(
      canvasElement,
      'input[autocomplete="one-time-code"]',
    )
    await waitFor(() => expect(document.activeElement).toBe(input))
    await userEvent.keyboard(otp)
    await untilState(canvasElement, 'qr-signing', 'approved')
  },
}

export const WrongTypedOtp: Story = {
  play: async ({ canvasElement }) => {
    await showQr(canvasElement)
    await userEvent.click(await untilElement(canvasElement, '[data-part="otp-toggle"]'))
    await untilElement(canvasElement, 'input[autocomplete="one-time-code"]')
    await userEvent.keyboard('00000000')
    await expect(
      await untilElement(canvasElement, '[data-part="message"]:not(:empty)'),
    ).toHaveTextContent(/attempts left/)
    await expect(canvasElement.querySelector('[data-part="code"] svg')).not.toBeNull()
  },
}

/** A 4-second QR: a wrong typed OTP, then `expired`; "Show a new QR code" replaces the QR. */
export const ExpiredAfterWrongTypedOtp: Story = {
  parameters: {
    backend: {
      user: 'alice',
      startStepUp: { transactionId: storyTransaction.id },
      limits: { challengeTtlMs: 4_000 },
    },
  },
  play: async ({ canvasElement }) => {
    await showQr(canvasElement)
    await userEvent.click(await untilElement(canvasElement, '[data-part="otp-toggle"]'))
    await untilElement(canvasElement, 'input[autocomplete="one-time-code"]')
    await userEvent.keyboard('00000000')
    await untilElement(canvasElement, '[data-part="message"]:not(:empty)')
    await untilState(canvasElement, 'qr-signing', 'expired', 8_000)
    await expect(canvasElement.querySelector('[data-part="status"]')).toHaveTextContent(
      'This QR code has expired.',
    )
    await expect(canvasElement.querySelector('input[autocomplete="one-time-code"]')).toBeNull()
    await expect(canvasElement.querySelector('[data-part="code"] svg')).toBeNull()
    await expect(await showButton(canvasElement)).toHaveTextContent('Show a new QR code')
  },
}

export const UpstreamError: Story = {
  parameters: {
    backend: {
      user: 'alice',
      startStepUp: { transactionId: storyTransaction.id },
      faults: [{ endpoint: '*', kind: 'http_error', status: 502 }],
    },
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(await showButton(canvasElement))
    const error = await untilElement(canvasElement, '[data-part="error"]')
    await expect(error.getAttribute('data-error-code')).toMatch(/^upstream_/)
    await waitFor(() => expect(document.activeElement).toBe(error))
  },
}

export const RightToLeftPage: Story = {
  parameters: { frame: { dir: 'rtl' } },
  play: async ({ canvasElement }) => {
    await showQr(canvasElement)
  },
}

export const Dark: Story = {
  parameters: { frame: { theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await showQr(canvasElement)
  },
}

export const Malay: Story = {
  parameters: { frame: { locale: 'ms' } },
  play: async ({ canvasElement }) => {
    await showQr(canvasElement)
    await expect(canvasElement).toHaveTextContent('Anda meluluskan')
  },
}
export const Indonesian: Story = {
  parameters: { frame: { locale: 'id' } },
  play: async ({ canvasElement }) => {
    await showQr(canvasElement)
    await expect(canvasElement).toHaveTextContent('Anda menyetujui')
  },
}
export const SimplifiedChinese: Story = {
  parameters: { frame: { locale: 'zh-CN' } },
  play: async ({ canvasElement }) => {
    await showQr(canvasElement)
    await expect(canvasElement).toHaveTextContent('您正在批准')
  },
}
