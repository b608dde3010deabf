import { afterEach, describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { axeViolations } from '@centagate-kit/testkit/axe'
import { createStoryBackend, storyTransaction } from '@centagate-kit/testkit/story-backend'
import { CentagateProvider } from '../provider/centagate-provider'
import { PushApproval } from './push-approval'

afterEach(() => {
  vi.useRealTimers()
})

async function setup(transaction = false) {
  const backend = await createStoryBackend({
    user: 'alice',
    startStepUp: transaction ? { transactionId: storyTransaction.id } : true,
  })
  const screen = await render(
    <CentagateProvider client={backend.client}>
      <PushApproval {...(transaction ? { transaction: storyTransaction } : {})} />
    </CentagateProvider>,
  )
  const root = () =>
    screen.container.querySelector('[data-scope="push-approval"][data-part="root"]') as HTMLElement
  return { backend, screen, root }
}

describe('PushApproval (real server handler + emulator)', () => {
  test('no axe violations before and while waiting; keyboard only; approved on the phone', async () => {
    const { backend, screen, root } = await setup()
    expect(await axeViolations(screen.container)).toEqual([])
    await userEvent.tab()
    expect(document.activeElement?.getAttribute('data-part')).toBe('send-button')
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => root().getAttribute('data-state')).toBe('awaiting-approval')
    expect(await axeViolations(screen.container)).toEqual([])
    // The screen shows what the phone shows.
    expect(screen.container.querySelector('[data-part="details"]')?.textContent).toBe(
      await backend.device.pendingPush(),
    )
    await backend.device.decidePush('approve')
    await expect.poll(() => root().getAttribute('data-state'), { timeout: 8_000 }).toBe('approved')
  })

  test('a transaction step-up: the summary before sending and on the phone after', async () => {
    const { backend, screen, root } = await setup(true)
    const details = () => screen.container.querySelector('[data-part="details"]')?.textContent
    expect(details()).toBe(storyTransaction.summary)
    screen.container.querySelector<HTMLButtonElement>('[data-part="send-button"]')!.click()
    await expect.poll(() => root().getAttribute('data-state')).toBe('awaiting-approval')
    expect(await backend.device.pendingPush()).toBe(storyTransaction.summary)
    await backend.device.decidePush('reject')
    await expect.poll(() => root().getAttribute('data-state'), { timeout: 8_000 }).toBe('denied')
  })

  test('polling stops on unmount', async () => {
    const { backend, screen, root } = await setup()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    screen.container.querySelector<HTMLButtonElement>('[data-part="send-button"]')!.click()
    await expect
      .poll(() => root().getAttribute('data-state'), { interval: 5 })
      .toBe('awaiting-approval')
    await vi.advanceTimersByTimeAsync(2_100)
    await expect
      .poll(() => backend.calls.get('push/status') ?? 0, { interval: 5 })
      .toBeGreaterThan(0)
    const before = backend.calls.get('push/status') ?? 0
    await screen.unmount()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(backend.calls.get('push/status') ?? 0).toBe(before)
  })
})
