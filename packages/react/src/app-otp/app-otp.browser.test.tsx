import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { axeViolations } from '@centagate-kit/testkit/axe'
import { createStoryBackend } from '@centagate-kit/testkit/story-backend'
import { CentagateProvider } from '../provider/centagate-provider'
import { AppOtp } from './app-otp'

async function setup() {
  const backend = await createStoryBackend({ user: 'alice', startStepUp: true })
  const onAuthenticated = (result: unknown) => results.push(result)
  const results: unknown[] = []
  const screen = await render(
    <CentagateProvider client={backend.client}>
      <AppOtp onAuthenticated={onAuthenticated} />
    </CentagateProvider>,
  )
  const root = () =>
    screen.container.querySelector('[data-scope="app-otp"][data-part="root"]') as HTMLElement
  return { backend, screen, root, results }
}

describe('AppOtp (real server handler + emulator)', () => {
  test('opens at once, with no axe violations, the field focused', async () => {
    const { screen, root } = await setup()
    await expect.poll(() => root().getAttribute('data-state')).toBe('awaiting-otp')
    expect(await axeViolations(screen.container)).toEqual([])
    await expect
      .poll(() => document.activeElement?.getAttribute('autocomplete'))
      .toBe('one-time-code')
  })

  test('keyboard only: a wrong code (attempts left), then the code the app shows now', async () => {
    const { backend, screen, root, results } = await setup()
    await expect
      .poll(() => document.activeElement?.getAttribute('autocomplete'))
      .toBe('one-time-code')
    await userEvent.keyboard('000000')
    await expect
      .poll(() => screen.container.querySelector('[data-part="message"]')?.textContent ?? '')
      .toMatch(/4 attempts left/)
    expect(await axeViolations(screen.container)).toEqual([])
    await expect
      .poll(() => document.activeElement?.getAttribute('autocomplete'))
      .toBe('one-time-code')
    await userEvent.keyboard(await backend.device.appCode())
    await expect.poll(() => root().getAttribute('data-state')).toBe('approved')
    expect(results).toHaveLength(1)
    expect(backend.calls.get('app-otp/verify')).toBe(2)
  })
})
