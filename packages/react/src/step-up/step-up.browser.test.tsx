import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { createStoryBackend } from '../stories/backend/story-backend'
import { CentagateProvider } from '../provider/centagate-provider'
import { axeViolations } from '../test/axe'
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
    await expect.poll(() => root()?.getAttribute('data-state')).toBe('awaiting-otp')
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
