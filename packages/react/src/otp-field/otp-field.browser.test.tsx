import { useState } from 'react'
import { describe, expect, test, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { render } from 'vitest-browser-react'
import { I18nProvider } from '../i18n/i18n-provider'
import { ms } from '../messages/ms'
import { axeViolations, pasteInto, singleInputEvent } from '@centagate-kit/testkit/axe'
import { OtpField } from './otp-field'

function input(container: HTMLElement): HTMLInputElement {
  const element = container.querySelector('input')
  if (!element) throw new Error('no input')
  return element
}

describe('OtpField', () => {
  test('has no axe violations, one accessible name and the platform attributes', async () => {
    const screen = await render(<OtpField error="That code is not correct." attemptsLeft={2} />)
    expect(await axeViolations(screen.container)).toEqual([])
    const field = input(screen.container)
    await expect.element(screen.getByLabelText('Verification code')).toBe(field)
    expect(screen.container.querySelectorAll('input')).toHaveLength(1)
    expect(field.getAttribute('autocomplete')).toBe('one-time-code')
    expect(field.getAttribute('inputmode')).toBe('numeric')
    expect(field.getAttribute('type')).not.toBe('number')
    expect(field.getAttribute('aria-invalid')).toBe('true')
    const describedBy = field.getAttribute('aria-describedby') ?? ''
    const message = screen.container.querySelector('[data-part="message"]')
    expect(describedBy.split(' ')).toContain(message?.id)
    expect(message?.getAttribute('aria-live')).toBe('polite')
    expect(message?.textContent).toBe('That code is not correct. 2 attempts left.')
  })

  test('a pasted full code with spaces and dashes is stripped to its digits', async () => {
    const onComplete = vi.fn()
    const screen = await render(<OtpField onComplete={onComplete} />)
    const field = input(screen.container)
    field.focus()
    pasteInto(field, ' 123-456 ')
    await expect.poll(() => field.value).toBe('123456')
    expect(onComplete).toHaveBeenCalledWith({ value: '123456' })
    expect(screen.container.querySelector('[data-part="root"]')?.getAttribute('data-state')).toBe(
      'complete',
    )
  })

  test('an iOS-style single input event carrying the whole (formatted) code fills every slot', async () => {
    const onValueChange = vi.fn()
    const screen = await render(<OtpField onValueChange={onValueChange} />)
    const field = input(screen.container)
    field.focus()
    singleInputEvent(field, '987 654')
    await expect.poll(() => field.value).toBe('987654')
    expect(onValueChange).toHaveBeenLastCalledWith({ value: '987654' })
    const slots = [...screen.container.querySelectorAll('[data-part="slot"]')].map(
      (slot) => slot.textContent,
    )
    expect(slots).toEqual(['9', '8', '7', '6', '5', '4'])
  })

  test('typing letters is ignored; keyboard typing fills digits', async () => {
    const screen = await render(<OtpField length={4} />)
    const field = input(screen.container)
    await userEvent.click(field)
    await userEvent.keyboard('1a2b34')
    await expect.poll(() => field.value).toBe('1234')
  })

  test('controlled mode follows value and reports changes as { value }', async () => {
    const seen: string[] = []
    function Controlled() {
      const [value, setValue] = useState('12')
      return (
        <OtpField
          value={value}
          onValueChange={(details) => {
            seen.push(details.value)
            setValue(details.value)
          }}
        />
      )
    }
    const screen = await render(<Controlled />)
    const field = input(screen.container)
    expect(field.value).toBe('12')
    await userEvent.click(field)
    await userEvent.keyboard('{End}3')
    await expect.poll(() => field.value).toBe('123')
    expect(seen.at(-1)).toBe('123')
  })

  test('digits stay left-to-right inside an RTL page', async () => {
    const screen = await render(
      <div dir="rtl">
        <OtpField defaultValue="1234" length={4} />
      </div>,
    )
    const control = screen.container.querySelector('[data-part="control"]')
    expect(control?.getAttribute('dir')).toBe('ltr')
    const slots = [...screen.container.querySelectorAll('[data-part="slot"]')]
    const lefts = slots.map((slot) => slot.getBoundingClientRect().left)
    expect(lefts).toEqual([...lefts].sort((a, b) => a - b))
    expect(slots[0]?.textContent).toBe('1')
  })

  test('auto-submit submits the surrounding form once the code is complete', async () => {
    const onSubmit = vi.fn((event: SubmitEvent) => event.preventDefault())
    const screen = await render(
      <form onSubmit={(event) => onSubmit(event.nativeEvent as SubmitEvent)}>
        <OtpField autoSubmit length={4} />
      </form>,
    )
    const field = input(screen.container)
    field.focus()
    pasteInto(field, '4321')
    await expect.poll(() => onSubmit.mock.calls.length).toBe(1)
  })

  test('uses the provider messages (per-key overrides on top of a locale)', async () => {
    const screen = await render(
      <I18nProvider locale="ms" messages={{ ...ms, 'otp.label': 'Kod SMS' }}>
        <OtpField />
      </I18nProvider>,
    )
    await expect.element(screen.getByLabelText('Kod SMS')).toBeInTheDocument()
    await expect.element(screen.getByText('Masukkan kod 6 digit.')).toBeInTheDocument()
  })
})
