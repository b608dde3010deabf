import { afterEach, describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { createStoryBackend, storyTransaction } from '@centagate-kit/testkit/story-backend'
import { CentagateProvider } from '../provider/centagate-provider'
import { axeViolations } from '@centagate-kit/testkit/axe'
import { QrSigning } from './qr-signing'

afterEach(() => {
  vi.useRealTimers()
})

async function setup() {
  const backend = await createStoryBackend({
    user: 'alice',
    startStepUp: { transactionId: storyTransaction.id },
  })
  const started = backend.started
  const transaction = started?.status === 'factor_required' ? started.transaction : undefined
  const screen = await render(
    <CentagateProvider client={backend.client}>
      <QrSigning {...(transaction ? { transaction } : {})} />
    </CentagateProvider>,
  )
  const root = () =>
    screen.container.querySelector('[data-scope="qr-signing"][data-part="root"]') as HTMLElement
  return { backend, screen, root }
}

describe('QrSigning (real server handler + emulator)', () => {
  test('renders exactly the server transaction fields, with no axe violations', async () => {
    const { screen } = await setup()
    expect(await axeViolations(screen.container)).toEqual([])
    const rows = [...screen.container.querySelectorAll('[data-part="detail"]')].map((row) => [
      row.querySelector('dt')?.textContent,
      row.querySelector('dd')?.textContent,
    ])
    expect(rows).toEqual(storyTransaction.fields.map((field) => [field.label, field.value]))
  })

  test('keyboard only: show the QR, open the typed fallback, enter the app OTP', async () => {
    const { backend, screen, root } = await setup()
    await userEvent.tab()
    expect(document.activeElement?.getAttribute('data-part')).toBe('send-button')
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => root().getAttribute('data-state')).toBe('awaiting-approval')
    expect(await axeViolations(screen.container)).toEqual([])
    // qrcode.react arrives in its lazy chunk: the placeholder has no value.
    await expect
      .poll(() => screen.container.querySelector('[data-part="code"] svg[data-qr-value]'))
      .not.toBeNull()
    const svg = screen.container.querySelector('[data-part="code"] svg[data-qr-value]')!
    const { otp } = await backend.device.scanQr(svg.getAttribute('data-qr-value')!)
    const toggle = screen.container.querySelector<HTMLButtonElement>('[data-part="otp-toggle"]')!
    toggle.focus()
    await userEvent.keyboard('{Enter}')
    await expect
      .poll(() => document.activeElement?.getAttribute('autocomplete'))
      .toBe('one-time-code')
    await userEvent.keyboard(otp)
    await expect.poll(() => root().getAttribute('data-state')).toBe('approved')
  })

  test('polling stops on unmount', async () => {
    const { backend, screen, root } = await setup()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    screen.container.querySelector<HTMLButtonElement>('[data-part="send-button"]')!.click()
    await expect
      .poll(() => root().getAttribute('data-state'), { interval: 5 })
      .toBe('awaiting-approval')
    await vi.advanceTimersByTimeAsync(2_100)
    await expect.poll(() => backend.calls.get('qr/status') ?? 0, { interval: 5 }).toBeGreaterThan(0)
    const before = backend.calls.get('qr/status') ?? 0
    await screen.unmount()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(backend.calls.get('qr/status') ?? 0).toBe(before)
  })

  test('the check can fail: while mounted, polling continues', async () => {
    const { backend, screen, root } = await setup()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    screen.container.querySelector<HTMLButtonElement>('[data-part="send-button"]')!.click()
    await expect
      .poll(() => root().getAttribute('data-state'), { interval: 5 })
      .toBe('awaiting-approval')
    await vi.advanceTimersByTimeAsync(2_100)
    await expect.poll(() => backend.calls.get('qr/status') ?? 0, { interval: 5 }).toBeGreaterThan(0)
    const before = backend.calls.get('qr/status') ?? 0
    for (let step = 0; step < 10; step += 1) await vi.advanceTimersByTimeAsync(3_000)
    expect(backend.calls.get('qr/status') ?? 0).toBeGreaterThan(before)
  })
})
