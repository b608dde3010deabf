import { useState } from 'react'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { storyTransaction, type StoryBackend } from '@centagate-kit/testkit/story-backend'
import {
  WithBackend,
  renderInBackend,
  type KitStoryParameters,
} from '@centagate-kit/testkit/story-frame'
import {
  backendLoader,
  backendOf,
  untilElement,
  untilState,
} from '@centagate-kit/testkit/story-helpers'
import { StepUp } from './step-up'
import { StepUpBoundary, useStepUpFetch } from './step-up-boundary'

/**
 * The whole step-up flow on the real server + emulator. alice has the CENTAGATE app (QR), a
 * hardware token and a phone; bob only a phone; carol nothing.
 */
const meta = {
  title: 'Flows/StepUp',
  component: StepUp,
  loaders: [backendLoader],
  parameters: { backend: { user: 'alice' } } satisfies KitStoryParameters,
  render: renderInBackend(StepUp),
} satisfies Meta<typeof StepUp>
export default meta
type Story = StoryObj<typeof meta>

const methodButton = (canvasElement: HTMLElement, method: string) =>
  untilElement<HTMLButtonElement>(canvasElement, `[data-part="method"][data-method="${method}"]`)

export const ChooseMethod: Story = {
  play: async ({ canvasElement, loaded }) => {
    await untilState(canvasElement, 'step-up', 'choosing')
    const buttons = [...canvasElement.querySelectorAll('[data-part="method"]')]
    // The server's preference order: app and token before SMS; nothing sent before a choice.
    await expect(buttons.map((button) => button.getAttribute('data-method'))).toEqual([
      'qr',
      'challenge',
      'push',
      'app_otp',
      'sms',
    ])
    // Each names where it reaches the user, from the server (masked: the token's last four); the
    // server names no target for the app's code (methodOption: only qr and push are app methods).
    await expect(
      buttons.map((button) => button.querySelector('[data-part="method-hint"]')?.textContent),
    ).toEqual(["Alice's phone", '•••• 0001', "Alice's phone", undefined, '•••• 6789'])
    await expect(backendOf({ loaded }).calls.get('sms/send')).toBeUndefined()
    await waitFor(() =>
      expect(document.activeElement).toBe(
        canvasElement.querySelector('[data-part="methods-title"]'),
      ),
    )
  },
}

export const LoginSecondFactor: Story = {
  args: { login: { username: 'bob', password: 'bob-password' } },
  // The device helpers read bob's outbox (a login needs no app session).
  parameters: { backend: { user: 'bob' } },
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await untilState(canvasElement, 'sms-otp', 'awaiting-otp')
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('autocomplete')).toBe('one-time-code'),
    )
    await userEvent.keyboard((await backend.device.latestSmsCode())!)
    await untilState(canvasElement, 'step-up', 'approved')
    await expect(backend.calls.get('login/start')).toBe(1)
  },
}

export const WrongPassword: Story = {
  args: { login: { username: 'bob', password: 'not-the-password' } },
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, 'step-up', 'error')
    const error = await untilElement(canvasElement, '[data-part="error"]')
    await expect(error).toHaveAttribute('data-error-code', 'invalid_credentials')
  },
}

export const Starting: Story = {
  parameters: { backend: { user: 'alice', latencyMs: Infinity } },
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, 'step-up', 'starting')
  },
}

export const SmsOnlyUser: Story = {
  parameters: { backend: { user: 'bob' } },
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await untilState(canvasElement, 'sms-otp', 'awaiting-otp')
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('autocomplete')).toBe('one-time-code'),
    )
    await userEvent.keyboard((await backend.device.latestSmsCode())!)
    await untilState(canvasElement, 'step-up', 'approved')
  },
}

export const NotEnrolled: Story = {
  parameters: { backend: { user: 'carol' } },
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, 'step-up', 'error')
    const error = await untilElement(canvasElement, '[data-part="error"]')
    await expect(error).toHaveAttribute('data-error-code', 'not_enrolled')
    await waitFor(() => expect(document.activeElement).toBe(error))
  },
}

export const TokenByKeyboardOnly: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await untilState(canvasElement, 'step-up', 'choosing')
    // Tab from the focused heading to the second method button and press Enter.
    await userEvent.tab()
    await userEvent.tab()
    await expect(document.activeElement).toHaveAttribute('data-method', 'challenge')
    await userEvent.keyboard('{Enter}')
    await untilState(canvasElement, 'challenge-response', 'awaiting-otp')
    const digits = await untilElement(canvasElement, '[data-part="challenge-digits"]')
    const response = await backend.device.tokenResponse(
      (digits.textContent ?? '').replace(/\D/g, ''),
    )
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('autocomplete')).toBe('one-time-code'),
    )
    await userEvent.keyboard(response)
    await untilState(canvasElement, 'step-up', 'approved')
  },
}

export const SignTransactionWithQr: Story = {
  args: { transactionId: storyTransaction.id },
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await userEvent.click(await methodButton(canvasElement, 'qr'))
    await untilState(canvasElement, 'qr-signing', 'awaiting-approval')
    // qrcode.react arrives in its lazy chunk: the placeholder carries no value.
    const svg = await untilElement(canvasElement, '[data-part="code"] svg[data-qr-value]')
    await backend.device.scanQr(svg.getAttribute('data-qr-value')!)
    await backend.device.decide('approve')
    await untilState(canvasElement, 'step-up', 'approved', 10_000)
  },
}

/** A transaction approved by push: the phone and the screen show the server's summary. */
export const SignTransactionWithPush: Story = {
  args: { transactionId: storyTransaction.id },
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await untilState(canvasElement, 'step-up', 'choosing')
    // No app code for a transaction: CENTAGATE has no signed OTP transaction call.
    await expect(canvasElement.querySelector('[data-method="app_otp"]')).toBeNull()
    await userEvent.click(await methodButton(canvasElement, 'push'))
    await untilState(canvasElement, 'push-approval', 'awaiting-approval')
    await expect(await backend.device.pendingPush()).toBe(storyTransaction.summary)
    await expect(canvasElement.querySelector('[data-part="details"]')).toHaveTextContent(
      storyTransaction.summary,
    )
    await backend.device.decidePush('approve')
    await untilState(canvasElement, 'step-up', 'approved', 10_000)
  },
}

/** A plain step-up with the code the CENTAGATE app shows. */
export const StepUpWithAppCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await userEvent.click(await methodButton(canvasElement, 'app_otp'))
    await untilState(canvasElement, 'app-otp', 'awaiting-otp')
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('autocomplete')).toBe('one-time-code'),
    )
    await userEvent.keyboard(await backend.device.appCode())
    await untilState(canvasElement, 'step-up', 'approved')
  },
}

export const SwitchingMethodStopsPolling: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await userEvent.click(await methodButton(canvasElement, 'qr'))
    await untilState(canvasElement, 'qr-signing', 'awaiting-approval')
    await waitFor(() => expect(backend.calls.get('qr/status') ?? 0).toBeGreaterThan(0), {
      timeout: 4000,
    })
    await userEvent.click(await untilElement(canvasElement, '[data-part="switch-method"]'))
    await userEvent.click(await methodButton(canvasElement, 'sms'))
    await untilState(canvasElement, 'sms-otp', 'awaiting-otp')
    const polls = backend.calls.get('qr/status') ?? 0
    await new Promise((resolve) => setTimeout(resolve, 2500))
    await expect(backend.calls.get('qr/status') ?? 0).toBe(polls)
  },
}

export const DeclinedInTheApp: Story = {
  args: { transactionId: storyTransaction.id },
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await userEvent.click(await methodButton(canvasElement, 'qr'))
    await untilState(canvasElement, 'qr-signing', 'awaiting-approval')
    const svg = await untilElement(canvasElement, '[data-part="code"] svg[data-qr-value]')
    await backend.device.scanQr(svg.getAttribute('data-qr-value')!)
    await backend.device.decide('reject')
    await untilState(canvasElement, 'qr-signing', 'denied', 10_000)
    await expect(canvasElement.querySelector('[data-part="status"]')).toHaveTextContent('declined')
  },
}

export const QrExpired: Story = {
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await userEvent.click(await methodButton(canvasElement, 'qr'))
    await untilState(canvasElement, 'qr-signing', 'awaiting-approval')
    await backend.device.advanceClock(301)
    await untilState(canvasElement, 'qr-signing', 'expired', 10_000)
    await expect(await untilElement(canvasElement, '[data-part="send-button"]')).toHaveTextContent(
      'Show a new QR code',
    )
  },
}

/** Inside StepUp, the same SMS machine and widget: a wrong code, then the code expires. */
export const SmsCodeExpired: Story = {
  parameters: { backend: { user: 'bob', emulatorSettings: { otpLifetimeSeconds: 4 } } },
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, 'sms-otp', 'awaiting-otp')
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('autocomplete')).toBe('one-time-code'),
    )
    await userEvent.keyboard('000000')
    await untilElement(canvasElement, '[data-part="message"]:not(:empty)')
    await untilState(canvasElement, 'sms-otp', 'expired', 8_000)
    await untilState(canvasElement, 'step-up', 'method')
    await expect(canvasElement.querySelector('input[autocomplete="one-time-code"]')).toBeNull()
    await expect(await untilElement(canvasElement, '[data-part="error"]')).toHaveAttribute(
      'data-error-code',
      'otp_expired',
    )
    await expect(
      await untilElement<HTMLButtonElement>(canvasElement, '[data-part="send-button"]'),
    ).toBeDisabled()
  },
}

export const TooManyWrongCodesNeedsANewCode: Story = {
  parameters: {
    backend: {
      user: 'bob',
      limits: { challengeMaxFailures: 1, smsCooldownMs: 1_000 },
      // The kit's 1 s cooldown drives the button; CENTAGATE's own is off, or the two race (its
      // second starts when the first send reaches it, later than the kit's under load).
      emulatorSettings: { smsCooldownSeconds: 0 },
    },
  },
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await untilState(canvasElement, 'sms-otp', 'awaiting-otp')
    await userEvent.keyboard('000000')
    // The first wrong code uses the budget (0 left); the next one finds the code exhausted.
    await untilElement(canvasElement, '[data-part="message"]:not(:empty)')
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('autocomplete')).toBe('one-time-code'),
    )
    await userEvent.keyboard('000001')
    await untilState(canvasElement, 'sms-otp', 'locked')
    const error = await untilElement(canvasElement, '[data-part="error"]')
    await expect(error).toHaveAttribute('data-error-code', 'challenge_locked')
    await expect(canvasElement.querySelector('input[autocomplete="one-time-code"]')).toBeNull()
    const resend = await untilElement<HTMLButtonElement>(canvasElement, '[data-part="send-button"]')
    await waitFor(() => expect(resend).toBeEnabled(), { timeout: 3000 })
    await userEvent.click(resend)
    await untilState(canvasElement, 'sms-otp', 'awaiting-otp')
    await waitFor(async () => expect(await backend.device.smsCount()).toBe(2))
    await userEvent.click(await untilElement(canvasElement, 'input[autocomplete="one-time-code"]'))
    await userEvent.keyboard((await backend.device.latestSmsCode())!)
    await untilState(canvasElement, 'step-up', 'approved')
  },
}

export const LockedUser: Story = {
  parameters: { backend: { user: 'bob', limits: { userMaxFailures: 1 } } },
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, 'sms-otp', 'awaiting-otp')
    await userEvent.keyboard('000000')
    await untilState(canvasElement, 'step-up', 'locked')
    await expect(await untilElement(canvasElement, '[data-part="error"]')).toHaveTextContent(
      /Locked until/,
    )
  },
}

function ExecuteTransfer({ backend }: { backend: StoryBackend }) {
  const stepUpFetch = useStepUpFetch()
  const [result, setResult] = useState('')
  return (
    <div>
      <button
        type="button"
        onClick={async () => {
          const response = await stepUpFetch(`/api/bank/transfers/${storyTransaction.id}/execute`, {
            method: 'POST',
          })
          setResult(response.ok ? 'Transfer executed' : `Refused (${response.status})`)
        }}
      >
        Execute transfer
      </button>
      <p role="status" data-testid="result">
        {result}
      </p>
      <span hidden>{backend.user}</span>
    </div>
  )
}

/** The app's own API answers 401 insufficient_user_authentication; the dialog opens and retries. */
export const StepUpOnDemandDialog: Story = {
  parameters: { backend: { user: 'bob' } },
  render: (_args, context) => {
    const backend = backendOf(context)
    return (
      <WithBackend backend={backend}>
        <StepUpBoundary fetch={backend.appFetch}>
          <ExecuteTransfer backend={backend} />
        </StepUpBoundary>
      </WithBackend>
    )
  },
  play: async ({ canvasElement, loaded }) => {
    const backend = backendOf({ loaded })
    await userEvent.click(await untilElement(canvasElement, 'button'))
    const dialog = await untilElement(document.body, 'dialog[open]')
    await untilState(dialog, 'sms-otp', 'awaiting-otp')
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('autocomplete')).toBe('one-time-code'),
    )
    await userEvent.keyboard((await backend.device.latestSmsCode())!)
    await waitFor(
      () =>
        expect(canvasElement.querySelector('[data-testid="result"]')).toHaveTextContent(
          'Transfer executed',
        ),
      { timeout: 4000 },
    )
    await expect(document.querySelector('dialog[open]')).toBeNull()
  },
}

/** The step-up dialog as the user sees it: the dialog's title, the SMS step under it. */
export const DialogAwaitingCode: Story = {
  parameters: { backend: { user: 'bob' } },
  render: StepUpOnDemandDialog.render!,
  play: async ({ canvasElement }) => {
    await userEvent.click(await untilElement(canvasElement, 'button'))
    const dialog = await untilElement(document.body, 'dialog[open]')
    await untilState(dialog, 'sms-otp', 'awaiting-otp')
    await expect(dialog.querySelector('[data-part="dialog-title"]')).toBeVisible()
  },
}

export const RightToLeftPage: Story = {
  args: { transactionId: storyTransaction.id },
  parameters: { frame: { dir: 'rtl' } },
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, 'step-up', 'choosing')
  },
}

export const Dark: Story = {
  args: { transactionId: storyTransaction.id },
  parameters: { frame: { theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await methodButton(canvasElement, 'qr'))
    await untilState(canvasElement, 'qr-signing', 'awaiting-approval')
  },
}

export const Malay: Story = {
  parameters: { frame: { locale: 'ms' } },
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, 'step-up', 'choosing')
    await expect(canvasElement).toHaveTextContent('Pilih cara pengesahan')
  },
}
export const Indonesian: Story = {
  parameters: { frame: { locale: 'id' } },
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, 'step-up', 'choosing')
    await expect(canvasElement).toHaveTextContent('Pilih cara verifikasi')
  },
}
export const SimplifiedChinese: Story = {
  parameters: { frame: { locale: 'zh-CN' } },
  play: async ({ canvasElement }) => {
    await untilState(canvasElement, 'step-up', 'choosing')
    await expect(canvasElement).toHaveTextContent('选择验证方式')
  },
}
