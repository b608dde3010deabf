import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { createStoryBackend } from '@centagate-kit/testkit/story-backend'
import { CentagateProvider } from '../provider/centagate-provider'
import { axeViolations } from '@centagate-kit/testkit/axe'
import { StepUp } from './step-up'

describe('StepUp against the real server handler and emulator', () => {
  test('SMS only user: keyboard-only completion', async () => {
    const backend = await createStoryBackend({ user: 'bob' })
    let done = false
    const screen = await render(
      <CentagateProvider client={backend.client}>
        <StepUp onAuthenticated={() => (done = true)} />
      </CentagateProvider>,
    )
    const root = () => screen.container.querySelector('[data-scope="step-up"][data-part="root"]')
    const sms = () => screen.container.querySelector('[data-scope="sms-otp"][data-part="root"]')
    await expect.poll(() => sms()?.getAttribute('data-state')).toBe('awaiting-otp')
    expect(root()?.getAttribute('data-state')).toBe('method')
    expect(root()?.getAttribute('data-method')).toBe('sms')
    expect(await axeViolations(screen.container)).toEqual([])
    const code = await backend.device.latestSmsCode()
    expect(code).toMatch(/^\d{6}$/)
    // Focus is in the code field once the code was sent.
    await expect
      .poll(() => document.activeElement?.getAttribute('autocomplete'))
      .toBe('one-time-code')
    await userEvent.keyboard(code!)
    await expect.poll(() => root()?.getAttribute('data-state')).toBe('approved')
    expect(done).toBe(true)
  })
})

describe('StepUp focus management', () => {
  test('on open focus goes to the method group heading; choosing QR moves it to the QR step heading', async () => {
    const backend = await createStoryBackend({ user: 'alice' })
    const screen = await render(
      <CentagateProvider client={backend.client}>
        <StepUp />
      </CentagateProvider>,
    )
    await expect.poll(() => document.activeElement?.getAttribute('data-part')).toBe('methods-title')
    expect(await axeViolations(screen.container)).toEqual([])
    const qr = screen.container.querySelector<HTMLButtonElement>('[data-method="qr"]')!
    qr.focus()
    await userEvent.keyboard('{Enter}')
    await expect
      .poll(() => document.activeElement?.closest('[data-scope]')?.getAttribute('data-scope'))
      .toBe('qr-signing')
    expect(document.activeElement?.getAttribute('data-part')).toBe('title')
  })

  test('on a start error focus goes to the error', async () => {
    const backend = await createStoryBackend({ user: 'carol' })
    await render(
      <CentagateProvider client={backend.client}>
        <StepUp />
      </CentagateProvider>,
    )
    await expect.poll(() => document.activeElement?.getAttribute('data-part')).toBe('error')
    expect(document.activeElement?.getAttribute('data-error-code')).toBe('not_enrolled')
  })
})
