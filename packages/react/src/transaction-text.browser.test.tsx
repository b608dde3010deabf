// What you see is what you sign, in real Chromium: every hostile string of the testkit's list
// (those the server refuses included: the widgets must stay safe if one ever got through) rendered
// as the step-up summary, a detail's label and a detail's value, in an LTR and an RTL page, with
// the details laid out inline ("Label value" on one line, as an app's own CSS may do). Each string
// must be the whole text of its own isolating element (`<bdi>`: `unicode-bidi: isolate`), label
// and value in separate ones, the DOM text in the server's order, and on screen no string may
// reorder its neighbours: the label stays before its value in the reading direction, and the
// trusted row that follows keeps its own order.
import type { TransactionView } from '@centagate-kit/client'
import { hostileStrings } from '@centagate-kit/testkit/hostile-strings'
import { describe, expect, test } from 'vitest'
import { render } from 'vitest-browser-react'
import { QrSigningDetails } from './qr-signing/qr-signing-details'
import { StepUpTransactionSummary } from './step-up/step-up-transaction-summary'

const trustedValue = 'MYR 9,000.00'

function view(text: string): TransactionView {
  return {
    id: 'tx-1',
    summary: text,
    fields: [
      { name: 'payee', label: text.slice(0, 128), value: text.slice(0, 256) },
      { name: 'amount', label: 'Amount', value: trustedValue },
    ],
  }
}

/** The one `<bdi>` inside `element`, checked to isolate. */
function isolated(element: Element | null): HTMLElement {
  const bdi = element?.querySelector('bdi')
  expect(bdi, 'an isolating <bdi>').not.toBeNull()
  expect(getComputedStyle(bdi!).unicodeBidi).toBe('isolate')
  return bdi!
}

const precedes = (a: Node, b: Node) =>
  (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0

describe.each(['ltr', 'rtl'] as const)('transaction text in a %s page', (dir) => {
  test.each(hostileStrings.map((entry) => [entry.name, entry.text] as const))(
    '%s',
    async (_name, text) => {
      const transaction = view(text)
      const screen = await render(
        <div dir={dir} style={{ whiteSpace: 'nowrap', width: 'max-content' }}>
          <style>{'dt, dd { display: inline; margin: 0 } dd::before { content: " " }'}</style>
          <StepUpTransactionSummary summary={text} />
          <QrSigningDetails transaction={transaction} />
        </div>,
      )
      const root = screen.container
      const [payee, amount] = [...root.querySelectorAll('[data-part="detail"]')]
      const summary = isolated(root.querySelector('[data-part="transaction-summary"]'))
      const label = isolated(payee!.querySelector('dt'))
      const value = isolated(payee!.querySelector('dd'))
      const trustedLabel = isolated(amount!.querySelector('dt'))
      const trusted = isolated(amount!.querySelector('dd'))

      // DOM: each string whole in its own element, nothing added or dropped, in the server's order.
      expect(summary.textContent).toBe(transaction.summary)
      expect(label.textContent).toBe(transaction.fields[0]!.label)
      expect(value.textContent).toBe(transaction.fields[0]!.value)
      expect(trusted.textContent).toBe(trustedValue)
      expect(label.contains(value) || value.contains(label)).toBe(false)
      expect(precedes(summary, label) && precedes(label, value)).toBe(true)
      expect(precedes(value, trustedLabel) && precedes(trustedLabel, trusted)).toBe(true)

      // Screen: label and value of a row in the page's reading order, each a box of its own.
      const before = (first: Element, second: Element) => {
        const a = first.getBoundingClientRect()
        const b = second.getBoundingClientRect()
        return dir === 'ltr' ? a.right <= b.left + 0.5 : b.right <= a.left + 0.5
      }
      expect(before(label, value), 'hostile label before its value').toBe(true)
      expect(before(trustedLabel, trusted), 'trusted label before its value').toBe(true)
      // The trusted amount reads left to right, character by character, whatever came before.
      const range = document.createRange()
      const positions = [...trustedValue].map((_, index) => {
        range.setStart(trusted.firstChild!, index)
        range.setEnd(trusted.firstChild!, index + 1)
        return range.getBoundingClientRect().left
      })
      expect(positions).toEqual([...positions].sort((a, b) => a - b))
    },
  )
})
