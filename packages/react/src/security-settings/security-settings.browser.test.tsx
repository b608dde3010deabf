import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { axeViolations } from '@centagate-kit/testkit/axe'
import { createStoryBackend } from '@centagate-kit/testkit/story-backend'
import { CentagateProvider } from '../provider/centagate-provider'
import { SecuritySettings } from './security-settings'

const stateOf = (container: HTMLElement) =>
  container
    .querySelector('[data-scope="security-settings"][data-part="root"]')
    ?.getAttribute('data-state')

describe('SecuritySettings (real server handler + emulator)', () => {
  test('the last factor cannot be removed: disabled, with the reason as its description', async () => {
    const backend = await createStoryBackend({ user: 'bob' })
    const screen = await render(
      <CentagateProvider client={backend.client}>
        <SecuritySettings />
      </CentagateProvider>,
    )
    await expect.poll(() => stateOf(screen.container)).toBe('ready')
    expect(await axeViolations(screen.container)).toEqual([])
    const remove = screen.container.querySelector<HTMLButtonElement>('[data-part="remove"]')!
    expect(remove.disabled).toBe(true)
    const reason = document.getElementById(remove.getAttribute('aria-describedby')!)
    expect(reason?.textContent).toMatch(/only sign-in method/)
  })

  test('keyboard only: confirm, step up by SMS inline, removed, the list read again', async () => {
    const backend = await createStoryBackend({ user: 'alice' })
    const changes: unknown[] = []
    const screen = await render(
      <CentagateProvider client={backend.client}>
        <SecuritySettings onChanged={(change) => changes.push(change)} />
      </CentagateProvider>,
    )
    await expect.poll(() => stateOf(screen.container)).toBe('ready')
    expect(await axeViolations(screen.container)).toEqual([])
    const lists = backend.calls.get('factors/list')
    screen.container
      .querySelector<HTMLButtonElement>(
        '[data-part="item"][data-method="sms"] [data-part="remove"]',
      )!
      .focus()
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => stateOf(screen.container)).toBe('confirming')
    expect(await axeViolations(screen.container)).toEqual([])
    screen.container.querySelector<HTMLButtonElement>('[data-part="confirm-remove"]')!.focus()
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => stateOf(screen.container)).toBe('awaiting-step-up')
    await expect
      .poll(() => screen.container.querySelector('[data-part="method"][data-method="sms"]'))
      .toBeTruthy()
    screen.container
      .querySelector<HTMLButtonElement>('[data-part="method"][data-method="sms"]')!
      .click()
    await expect
      .poll(() => screen.container.querySelector('input[autocomplete="one-time-code"]'))
      .toBeTruthy()
    await userEvent.click(screen.container.querySelector('input[autocomplete="one-time-code"]')!)
    await userEvent.keyboard((await backend.device.latestSmsCode())!)
    await expect.poll(() => stateOf(screen.container)).toBe('ready')
    expect(backend.emulator.state.users.alice?.phone).toBeUndefined()
    expect(changes).toEqual([{ change: 'removed', kind: 'sms' }])
    await expect.poll(() => backend.calls.get('factors/list')).toBeGreaterThan(lists ?? 0)
    await expect
      .poll(() => screen.container.querySelector('[data-part="item"][data-method="sms"]'))
      .toBeNull()
  })
})
