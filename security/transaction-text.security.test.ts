// Threat: what the user sees is not what they sign (issue 14, point 5; TxAuth "what you see is
// what you sign"): a payee name or reference carrying a line break, a bidi override or an
// invisible character reaches CENTAGATE's `details` and the screen, where it reorders or hides
// what the user reads ("Mom\n\u202eRM 1.00 only\u202c" for MYR 9,000). Every hostile string of the
// testkit's list, in the summary, a label or a value of the app's transaction, must make
// `stepup/start` answer 422 `transaction_invalid` naming the field, with 0 CENTAGATE calls; the
// allowed look-alikes (RTL names, homoglyphs, marks) must still start a step-up.
import {
  allowedStrings,
  hostileStrings,
  refusedStrings,
} from '@centagate-kit/testkit/hostile-strings'
import type { TransactionView } from '@centagate-kit/protocol'
import { describe, expect, it } from 'vitest'
import { device } from './support/kit-requests'
import { Journey } from './support/journeys'
import { createStack } from './support/stack'

type Place = 'summary' | 'label' | 'value' | 'amount'
const places: readonly Place[] = ['summary', 'label', 'value', 'amount']

/** The app's transaction `id` with `text` in one place; otherwise plain. */
function transactionWith(id: string, text: string, place: Place) {
  const view: TransactionView = {
    id,
    summary: place === 'summary' ? text : 'Transfer MYR 9,000.00 to Mom',
    fields: [
      { name: 'amount', label: 'Amount', value: 'MYR 9,000.00' },
      {
        name: 'payee',
        label: place === 'label' ? text.slice(0, 128) : 'To',
        value: place === 'value' ? text.slice(0, 256) : 'Mom',
      },
    ],
  }
  return { view, value: place === 'amount' ? text.slice(0, 128) : '9000.00' }
}

// Transaction ids encode the case: `<index>.<place>`.
const stack = createStack({
  handler: {
    // Every allowed string starts a real step-up for the same user, over 4 places: more than
    // the default 20 step-ups per user per hour (send limits are not this test's subject).
    limits: { stepUpStartsPerHour: 1000 },
    getTransaction: async (_request, id) => {
      const [index, place] = id.split('.') as [string, Place]
      const entry = hostileStrings[Number(index)]
      return entry === undefined ? null : transactionWith(id, entry.text, place)
    },
  },
})

const expectedField: Record<Place, string> = {
  summary: 'summary',
  label: 'fields.1.label',
  value: 'fields.1.value',
  amount: 'value',
}

describe('what-you-see-is-what-you-sign transaction text', () => {
  it('refuses every hostile string before any CENTAGATE call; allows the look-alikes', async () => {
    const rows: Record<string, string | number>[] = []
    let refusedCases = 0
    let allowedCases = 0
    for (const entry of hostileStrings) {
      const index = hostileStrings.indexOf(entry)
      for (const place of places) {
        const before = stack.upstream.calls
        const answer = await new Journey(stack.handle).send('stepup/start', {
          transactionId: `${index}.${place}`,
          device,
        })
        const calls = stack.upstream.calls - before
        const body = answer.json as { error?: { code?: string; fields?: string[] } }
        if (entry.verdict === 'refused') {
          expect(answer.status, `${entry.name} in ${place}`).toBe(422)
          expect(body.error?.code).toBe('transaction_invalid')
          expect(body.error?.fields).toEqual([expectedField[place]])
          expect(calls, `${entry.name} in ${place}: upstream calls`).toBe(0)
          // Nothing of the hostile text comes back.
          expect(answer.text.includes(entry.text)).toBe(false)
          refusedCases += 1
        } else if (entry.text.length <= 128 || place === 'summary') {
          expect(answer.status, `${entry.name} in ${place}: ${answer.text}`).toBe(200)
          allowedCases += 1
        }
        if (place === 'summary') {
          rows.push({ string: entry.name, verdict: entry.verdict, status: answer.status, calls })
        }
      }
    }
    console.table(rows)
    console.log(
      `transaction text: ${refusedStrings.length} hostile strings x ${places.length} places -> ` +
        `${refusedCases} refused (422 transaction_invalid, 0 upstream calls); ` +
        `${allowedStrings.length} allowed strings -> ${allowedCases} step-ups started`,
    )
    expect(refusedCases).toBe(refusedStrings.length * places.length)
    // The refusals named the field in a log line, never the text.
    const log = stack.serverLog.lines.join('\n')
    expect(log).toMatch(/getTransaction returned a transaction the kit cannot show/)
    for (const entry of refusedStrings) expect(log.includes(entry.text)).toBe(false)
  })
})
