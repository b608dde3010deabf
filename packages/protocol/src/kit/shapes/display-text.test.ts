// The display-text rule (what-you-see-is-what-you-sign): every hostile string of the testkit's
// list gets its declared verdict, from the function apps use, the zod schema the server parses
// `getTransaction` with, and the browser's generated check alike.
import { hostileStrings } from '@centagate-kit/testkit/hostile-strings'
import { describe, expect, it } from 'vitest'
import { kitRouteChecks } from '../browser-checks/generated'
import { transactionViewSchema } from '../kit-zod-schemas'
import { isDisplayText, maxCombiningMarks } from './display-text'

// The text as summary and, when it fits (256), as a field's value.
const viewWith = (text: string) => ({
  id: 'tx-1',
  summary: text,
  fields: [{ name: 'payee', label: 'To', value: text.length <= 256 ? text : 'x' }],
})
// The browser checks `stepup/start`'s answer, which carries the view.
const browserCheck = kitRouteChecks.find((route) => route.path === 'stepup/start')!.response
const answerWith = (text: string) => ({
  status: 'factor_required',
  flow: 'stepup',
  methods: [{ method: 'qr' }],
  transaction: viewWith(text),
  flowExpiresAt: 1,
  serverTime: 1,
})

describe('display text', () => {
  it.each(hostileStrings.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const ok = entry.verdict === 'allowed'
    expect(isDisplayText(entry.text)).toBe(ok)
    expect(transactionViewSchema.safeParse(viewWith(entry.text)).success).toBe(ok)
    expect(browserCheck(answerWith(entry.text))).toBe(ok)
  })

  it(`allows up to ${maxCombiningMarks} combining marks on a letter, not one more`, () => {
    expect(isDisplayText(`e${'\u0301'.repeat(maxCombiningMarks)}`)).toBe(true)
    expect(isDisplayText(`e${'\u0301'.repeat(maxCombiningMarks + 1)}`)).toBe(false)
  })

  it('refuses a hostile label as well as a value and a summary', () => {
    const view = {
      id: 'tx-1',
      summary: 'ok',
      fields: [{ name: 'a', label: 'To\u202e', value: 'x' }],
    }
    const result = transactionViewSchema.safeParse(view)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['fields.0.label'])
  })
})
