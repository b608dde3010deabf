import { describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { createStoryBackend } from '@centagate-kit/testkit/story-backend'
import { CentagateProvider } from '../provider/centagate-provider'
import { axeViolations } from '@centagate-kit/testkit/axe'
import { TokenEnrollment } from './token-enrollment'

describe('TokenEnrollment (real server handler + emulator)', () => {
  test('keyboard only: an invalid number is refused with focus on the field, then a valid one registers', async () => {
    const backend = await createStoryBackend({ user: 'carol' })
    const screen = await render(
      <CentagateProvider client={backend.client}>
        <TokenEnrollment />
      </CentagateProvider>,
    )
    expect(await axeViolations(screen.container)).toEqual([])
    const input = screen.container.querySelector<HTMLInputElement>('input[type="tel"]')!
    input.focus()
    await userEvent.keyboard('0123{Enter}')
    await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(input)
    expect(backend.calls.get('tokens/register')).toBeUndefined()
    expect(await axeViolations(screen.container)).toEqual([])
    await userEvent.clear(input)
    await userEvent.keyboard('+60 12-777 8899{Enter}')
    await expect
      .poll(() => screen.container.querySelector('[data-part="root"]')?.getAttribute('data-state'))
      .toBe('registered')
    expect(backend.calls.get('tokens/register')).toBe(1)
  })

  test('a user with a factor: the server demands a step-up, the widget runs it, then registers what was typed', async () => {
    const backend = await createStoryBackend({ user: 'alice' })
    const screen = await render(
      <CentagateProvider client={backend.client}>
        <TokenEnrollment defaultKind="sms" />
      </CentagateProvider>,
    )
    const root = () => screen.container.querySelector('[data-scope="token-enrollment"]')
    const input = screen.container.querySelector<HTMLInputElement>('input[type="tel"]')!
    input.focus()
    await userEvent.keyboard('+60127778899{Enter}')
    await expect.poll(() => root()?.getAttribute('data-state')).toBe('awaiting-step-up')
    // The step-up opens inline, below the form that keeps the number.
    const stepUp = await vi.waitFor(() => {
      const region = screen.container.querySelector('[data-scope="step-up"][data-part="root"]')
      if (!region) throw new Error('no step-up yet')
      return region
    })
    expect(input.value).toBe('+60127778899')
    await expect.poll(() => stepUp.querySelector('[data-method="challenge"]')).not.toBeNull()
    expect(await axeViolations(screen.container)).toEqual([])
    // alice answers with her hardware token.
    const token = await vi.waitFor(() => {
      const button = stepUp.querySelector<HTMLButtonElement>('[data-method="challenge"]')
      if (!button) throw new Error('no token method yet')
      return button
    })
    token.click()
    const challenge = await vi.waitFor(() => {
      const text = stepUp
        .querySelector('[data-part="challenge-digits"]')
        ?.textContent?.replace(/\D/g, '')
      if (!text) throw new Error('no challenge yet')
      return text
    })
    const response = await backend.device.tokenResponse(challenge)
    await expect
      .poll(() => document.activeElement?.getAttribute('autocomplete'))
      .toBe('one-time-code')
    await userEvent.keyboard(response)
    await expect.poll(() => root()?.getAttribute('data-state')).toBe('registered')
    expect(backend.calls.get('tokens/register')).toBe(2)
    expect(backend.emulator.state.users.alice?.phone).toBe('+60127778899')
  })
})
