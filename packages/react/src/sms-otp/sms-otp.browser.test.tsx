import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { createStoryBackend } from '@centagate-kit/testkit/story-backend'
import { CentagateProvider } from '../provider/centagate-provider'
import { axeViolations } from '@centagate-kit/testkit/axe'
import { createSmsMachine } from '@centagate-kit/client'
import { SmsOtp } from './sms-otp'

async function setup(options: Parameters<typeof createStoryBackend>[0] = {}) {
  const backend = await createStoryBackend({ user: 'bob', startStepUp: true, ...options })
  const screen = await render(
    <CentagateProvider client={backend.client}>
      <SmsOtp />
    </CentagateProvider>,
  )
  const root = () =>
    screen.container.querySelector('[data-scope="sms-otp"][data-part="root"]') as HTMLElement
  const sendButton = () =>
    screen.container.querySelector('[data-part="send-button"]') as HTMLButtonElement
  return { backend, screen, root, sendButton }
}

describe('SmsOtp (real server handler + emulator)', () => {
  test('no axe violations before and after sending', async () => {
    const { screen, sendButton, root } = await setup()
    expect(await axeViolations(screen.container)).toEqual([])
    await userEvent.click(sendButton())
    await expect.poll(() => root().getAttribute('data-state')).toBe('awaiting-otp')
    expect(await axeViolations(screen.container)).toEqual([])
  })

  test('keyboard only: Tab to "Send code", Enter, type the code', async () => {
    const { backend, root } = await setup()
    await userEvent.tab()
    expect(document.activeElement?.getAttribute('data-part')).toBe('send-button')
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => root().getAttribute('data-state')).toBe('awaiting-otp')
    // Focus moved to the code field when it appeared.
    await expect
      .poll(() => document.activeElement?.getAttribute('autocomplete'))
      .toBe('one-time-code')
    await userEvent.keyboard((await backend.device.latestSmsCode())!)
    await expect.poll(() => root().getAttribute('data-state')).toBe('approved')
  })

  test('a double click sends one SMS', async () => {
    const { backend, sendButton, root } = await setup()
    const button = sendButton()
    // Two clicks in the same frame, before React re-renders the button as disabled.
    button.click()
    button.click()
    button.click()
    await expect.poll(() => root().getAttribute('data-state')).toBe('awaiting-otp')
    expect(await backend.device.smsCount()).toBe(1)
    expect(backend.calls.get('sms/send')).toBe(1)
  })

  test('timers come from server times, corrected for a server clock 1 h ahead', async () => {
    const backend = await createStoryBackend({ user: 'bob' })
    await backend.device.advanceClock(3600)
    await backend.client.stepUpStart({})
    const screen = await render(
      <CentagateProvider client={backend.client}>
        <SmsOtp />
      </CentagateProvider>,
    )
    await userEvent.click(screen.container.querySelector('[data-part="send-button"]')!)
    const expiry = () => screen.container.querySelector('[data-part="expiry-timer"]')
    const resend = () => screen.container.querySelector('[data-part="resend-timer"]')
    await expect.poll(() => expiry()?.textContent).toMatch(/valid for (5:00|4:59)$/)
    expect(resend()?.textContent).toMatch(/available in (1:00|0:59)$/)
    // Two distinct parts with distinct deadlines.
    const remaining = (element: Element | null) =>
      Number(element?.getAttribute('data-remaining-ms'))
    expect(remaining(expiry()) - remaining(resend())).toBeGreaterThanOrEqual(239_000)
    expect(backend.client.clock.offsetMs).toBeGreaterThan(3_590_000)
  })

  test('a wrong code keeps focus in the cleared field and announces attempts once', async () => {
    const { backend, screen, sendButton, root } = await setup()
    await userEvent.click(sendButton())
    await expect.poll(() => root().getAttribute('data-state')).toBe('awaiting-otp')
    const code = (await backend.device.latestSmsCode())!
    await userEvent.keyboard(code === '123456' ? '654321' : '123456')
    const message = () => screen.container.querySelector('[data-part="message"]')
    await expect.poll(() => message()?.textContent).toMatch(/not correct\. 4 attempts left\.$/)
    expect(message()?.getAttribute('aria-live')).toBe('polite')
    const input = screen.container.querySelector('input')!
    expect(document.activeElement).toBe(input)
    expect(input.value).toBe('')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(await axeViolations(screen.container)).toEqual([])
  })

  test('an error that ends the step moves focus to the error', async () => {
    const { sendButton } = await setup({
      faults: [{ endpoint: '*', kind: 'http_error', status: 503 }],
    })
    await userEvent.click(sendButton())
    await expect.poll(() => document.activeElement?.getAttribute('data-part')).toBe('error')
    expect(document.activeElement?.getAttribute('data-error-code')).toMatch(/^upstream_/)
  })

  test('controlled: it renders a machine the app created and drives', async () => {
    const backend = await createStoryBackend({ user: 'bob', startStepUp: true })
    const machine = createSmsMachine({ client: backend.client })
    const screen = await render(
      <CentagateProvider client={backend.client}>
        <SmsOtp machine={machine} />
      </CentagateProvider>,
    )
    const root = () =>
      screen.container.querySelector('[data-scope="sms-otp"][data-part="root"]') as HTMLElement
    expect(root().getAttribute('data-state')).toBe('idle')
    // The app sends, not the widget: the view follows the machine, and sends to it.
    machine.send({ type: 'CODE.SEND' })
    await expect.poll(() => root().getAttribute('data-state')).toBe('awaiting-otp')
    const code = (await backend.device.latestSmsCode())!
    await userEvent.keyboard(code === '123456' ? '654321' : '123456')
    await expect.poll(() => machine.getSnapshot().error?.code).toBe('otp_invalid')
    // The app owns it: unmounting does not dispose it (a disposed machine ignores events).
    await screen.unmount()
    await new Promise((resolve) => setTimeout(resolve, 10))
    machine.send({ type: 'CODE.SUBMIT', code })
    await expect.poll(() => machine.getSnapshot().state).toBe('approved')
    machine.dispose()
  })
})
