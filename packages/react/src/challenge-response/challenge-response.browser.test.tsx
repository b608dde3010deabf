import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { createStoryBackend } from '@centagate-kit/testkit/story-backend'
import { CentagateProvider } from '../provider/centagate-provider'
import { axeViolations } from '@centagate-kit/testkit/axe'
import { ChallengeResponse } from './challenge-response'

describe('ChallengeResponse (real server handler + emulator)', () => {
  test('keyboard only, RTL page: the challenge reads LTR, digit by digit, and the token response completes', async () => {
    const backend = await createStoryBackend({ user: 'alice', startStepUp: true })
    const screen = await render(
      <div dir="rtl">
        <CentagateProvider client={backend.client}>
          <ChallengeResponse />
        </CentagateProvider>
      </div>,
    )
    const root = () =>
      screen.container.querySelector('[data-scope="challenge-response"][data-part="root"]')
    await userEvent.tab()
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => root()?.getAttribute('data-state')).toBe('awaiting-otp')
    expect(await axeViolations(screen.container)).toEqual([])
    const digits = screen.container.querySelector('[data-part="challenge-digits"]')!
    expect(digits.getAttribute('dir')).toBe('ltr')
    expect(digits.getAttribute('aria-hidden')).toBe('true')
    const challenge = (digits.textContent ?? '').replace(/\D/g, '')
    const groups = [...screen.container.querySelectorAll('[data-part="challenge-group"]')]
    expect(groups.map((group) => group.textContent)).toEqual([
      challenge.slice(0, 4),
      challenge.slice(4),
    ])
    const [first, second] = groups.map((group) => group.getBoundingClientRect().left)
    expect(first!).toBeLessThan(second!)
    const reading = screen.container.querySelector('[data-part="challenge-reading"]')!.textContent
    expect(reading).toBe(
      `Challenge, digit by digit: ${challenge.slice(0, 4).split('').join(' ')}, ${challenge.slice(4).split('').join(' ')}`,
    )
    await expect
      .poll(() => document.activeElement?.getAttribute('autocomplete'))
      .toBe('one-time-code')
    await userEvent.keyboard(await backend.device.tokenResponse(challenge))
    await expect.poll(() => root()?.getAttribute('data-state')).toBe('approved')
  })
})
