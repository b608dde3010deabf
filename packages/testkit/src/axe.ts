import axe from 'axe-core'

/** Runs axe (WCAG 2.1 AA tags) on `element` and returns the violations, formatted for a diff. */
export async function axeViolations(element: Element): Promise<string[]> {
  const result = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  })
  return result.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  )
}

/** Types the whole string in ONE input event, as iOS "From Messages" autofill does. */
export function singleInputEvent(input: HTMLInputElement, text: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set
  setter?.call(input, text)
  input.dispatchEvent(
    new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }),
  )
}

/** Pastes `text` into `input` through a real ClipboardEvent. */
export function pasteInto(input: HTMLInputElement, text: string): void {
  const data = new DataTransfer()
  data.setData('text/plain', text)
  input.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
  )
}
