// The stylesheet is where the --ck-* tokens are declared; the README's token table and the
// Storybook Theming page say what they are. A token added, removed or changed in styles.css and not
// in the README (or the other way round) fails here, as does a token without its description or a
// dark palette that differs between "the system prefers dark" and data-theme="dark".
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { cssThemes, cssTokens } from '@centagate-kit/testkit/css-tokens'

const here = path.dirname(fileURLToPath(import.meta.url))
const css = readFileSync(path.join(here, '..', 'src', 'styles', 'styles.css'), 'utf8')
const readme = readFileSync(path.join(here, '..', 'README.md'), 'utf8')
const tokens = cssTokens(css)

/** The rows of the README's token table: token → default, dark, description. */
function readmeTokens() {
  const section = readme.slice(readme.indexOf('## Look and theming'))
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `--ck-'))
    .map((line) => {
      const [name = '', value = '', dark = '', description = ''] = line
        .split(' | ')
        .map((cell) => cell.replace(/^\|\s*|\s*\|$/g, '').trim())
      const code = (cell: string) => (cell === '–' ? undefined : cell.replace(/^`|`$/g, ''))
      return { name: code(name), value: code(value), dark: code(dark), description }
    })
}

describe('styles.css tokens', () => {
  test('the stylesheet declares tokens, each with what it paints', () => {
    expect(tokens.length).toBeGreaterThan(20)
    for (const token of tokens)
      expect({ [token.name]: token.description }).not.toEqual({ [token.name]: '' })
  })

  test('the README table lists every token with its default and dark value, and nothing else', () => {
    expect(readmeTokens()).toEqual(
      tokens.map((token) => ({
        name: token.name,
        value: token.value,
        dark: token.dark,
        description: token.description,
      })),
    )
  })

  test('the dark palette is the same for prefers-color-scheme and data-theme="dark"', () => {
    const block = (start: string) => {
      const from = css.indexOf(start)
      return css
        .slice(css.indexOf('{', from) + 1, css.indexOf('}', from))
        .replace(/\s+/g, ' ')
        .trim()
    }
    const system = block(":where(:root:not([data-theme='light']))")
    const forced = block(":where([data-theme='dark'])")
    expect(system).not.toBe('')
    expect(system).toBe(forced)
  })

  test('the ready themes are bank and contrast, each in light and dark', () => {
    expect(cssThemes(css)).toEqual(['bank', 'contrast'])
    for (const theme of ['bank', 'contrast']) {
      const set = tokens.filter((token) => token.themes[theme])
      expect(set.some((token) => token.themes[theme]?.light)).toBe(true)
      expect(set.some((token) => token.themes[theme]?.dark)).toBe(true)
    }
  })
})
