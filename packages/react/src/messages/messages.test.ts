import { kitErrorCodes } from '@centagate-kit/protocol'
import { describe, expect, test } from 'vitest'
import { formatMessage } from '../i18n/format-message'
import { en, englishMessages } from './en'
import { id } from './id'
import { loadMessages } from './load-messages'
import { ms } from './ms'
import { msTexts } from './texts/ms'
import { catalogueOf, type Translations } from './translations'
import { zhCN } from './zh-CN'

const locales = { ms, id, 'zh-CN': zhCN }
const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)(?:,|\})/g)].map((match) => match[1]).sort()

describe('message catalogues', () => {
  test('English has kit.<code> for every kit error code and the client-only codes', () => {
    const keys = Object.keys(en)
    for (const code of [...kitErrorCodes, 'network_error', 'bad_response', 'aborted']) {
      expect(keys).toContain(`kit.${code}`)
    }
  })

  test.each(Object.entries(locales))(
    '%s has exactly the English keys and placeholders',
    (_, messages) => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort())
      for (const [key, text] of Object.entries(en)) {
        expect({ key, placeholders: placeholders(messages[key as keyof typeof en]) }).toEqual({
          key,
          placeholders: placeholders(text),
        })
      }
    },
  )

  test.each(Object.entries(locales))('%s is translated (no English text leaks)', (_, messages) => {
    const leaks = Object.entries(en).filter(
      ([key, text]) => messages[key as keyof typeof en] === text && /[a-z]{4}/i.test(text),
    )
    expect(leaks.map(([key]) => key)).toEqual([])
  })
})

describe('locale texts (one per English message, by position)', () => {
  test('the English pairs name each key once', () => {
    const keys = englishMessages.map(([key]) => key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(Object.keys(en)).toEqual(keys)
  })

  test('a swapped, missing or extra text fails typecheck', () => {
    const [first, second, ...rest] = msTexts
    // `pnpm typecheck` fails on any of these @ts-expect-error lines if the list type accepts it.
    // @ts-expect-error two texts swapped: 'common.close' where 'common.cancel' belongs
    const swapped: Translations = [second, first, ...rest]
    // @ts-expect-error a text missing
    const missing: Translations = [first, ...rest]
    // @ts-expect-error a text too many
    const extra: Translations = [...msTexts, first]
    // At run time the position alone picks the key: why the compiler check is the guard.
    expect(catalogueOf(swapped)['common.cancel']).toBe(ms['common.close'])
    expect(missing.length + 2).toBe(extra.length)
  })
})

describe('loadMessages', () => {
  test.each([
    ['ms-MY', ms],
    ['id', id],
    ['in-ID', id],
    ['zh-Hant-TW', zhCN],
    ['en-GB', en],
    ['fr', en],
  ])('%s loads its catalogue (English when there is none)', async (locale, expected) => {
    await expect(loadMessages(locale)).resolves.toEqual(expected)
  })
})

describe('formatMessage', () => {
  test('interpolates placeholders and keeps unknown ones visible', () => {
    expect(formatMessage('Code sent to {phone}.', { phone: '•••• 4567' })).toBe(
      'Code sent to •••• 4567.',
    )
    expect(formatMessage('Hello {name}')).toBe('Hello {name}')
  })

  test('picks plural forms with Intl.PluralRules', () => {
    const template = en['otp.attemptsLeft']
    expect(formatMessage(template, { count: 1 }, 'en')).toBe('1 attempt left.')
    expect(formatMessage(template, { count: 3 }, 'en')).toBe('3 attempts left.')
    expect(formatMessage(zhCN['otp.attemptsLeft'], { count: 2 }, 'zh-CN')).toBe('还可尝试 2 次。')
    expect(formatMessage('{n, plural, =0 {none} other {# left}}', { n: 0 })).toBe('none')
  })
})
