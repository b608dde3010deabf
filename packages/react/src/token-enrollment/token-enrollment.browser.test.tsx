import { describe, expect, test } from 'vitest'
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
})
