import { describe, expect, test } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { axeViolations } from '@centagate-kit/testkit/axe'
import { createStoryBackend } from '@centagate-kit/testkit/story-backend'
import { factorDevices } from '@centagate-kit/testkit/story-factor-devices'
import { AuthenticatorEnrollment as LazyAuthenticatorEnrollment } from '../lazy-widgets'
import { CentagateProvider } from '../provider/centagate-provider'
import { AuthenticatorEnrollment } from './authenticator-enrollment'
import { groupKey } from './key-groups'

const stateOf = (container: HTMLElement) =>
  container
    .querySelector('[data-scope="authenticator-enrollment"][data-part="root"]')
    ?.getAttribute('data-state')

describe('AuthenticatorEnrollment (real server handler + emulator)', () => {
  test('keyboard only: the key as a QR and in groups, the first code, then the key is gone', async () => {
    const backend = await createStoryBackend({ user: 'carol' })
    const enrolled: unknown[] = []
    const screen = await render(
      <CentagateProvider client={backend.client}>
        <AuthenticatorEnrollment onEnrolled={(result) => enrolled.push(result)} />
      </CentagateProvider>,
    )
    expect(await axeViolations(screen.container)).toEqual([])
    screen.container.querySelector<HTMLButtonElement>('[data-part="start"]')!.focus()
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => stateOf(screen.container)).toBe('scan')
    await expect
      .poll(() => screen.container.querySelector('[data-part="code"] svg[data-qr-value]'))
      .toBeTruthy()
    const uri = new URL(
      screen.container.querySelector('svg[data-qr-value]')!.getAttribute('data-qr-value')!,
    )
    const key = uri.searchParams.get('secret')!
    expect(backend.emulator.state.users.carol?.softToken?.secret).toBe(key)
    expect(screen.container.querySelector('[data-part="key"]')!.textContent).toBe(groupKey(key))
    expect(await axeViolations(screen.container)).toEqual([])
    await userEvent.click(screen.container.querySelector('input[autocomplete="one-time-code"]')!)
    await userEvent.keyboard(await factorDevices(backend).authenticatorCode())
    await expect.poll(() => stateOf(screen.container)).toBe('enrolled')
    expect(enrolled).toEqual([{ kind: 'authenticator', label: 'SOFT-carol' }])
    expect(screen.container.innerHTML).not.toContain(key)
    expect(screen.container.innerHTML).not.toContain(groupKey(key))
  })

  test('from the package root it loads lazily, then works the same', async () => {
    const backend = await createStoryBackend({ user: 'carol' })
    const screen = await render(
      <CentagateProvider client={backend.client}>
        <LazyAuthenticatorEnrollment kind="app" autoStart />
      </CentagateProvider>,
    )
    await expect.poll(() => stateOf(screen.container)).toBe('scan')
    expect(screen.container.querySelector('[data-part="key"]')).toBeNull()
    expect(await axeViolations(screen.container)).toEqual([])
  })
})

test('groupKey: groups of four, spaces ignored', () => {
  expect(groupKey('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP')
  expect(groupKey('JBSW Y3DPE')).toBe('JBSW Y3DP E')
  expect(groupKey('')).toBe('')
})
