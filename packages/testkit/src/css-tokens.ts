/**
 * The `--ck-*` tokens of @centagate-kit/react/styles.css, read from the stylesheet itself: the
 * single place they are declared. The Storybook "Theming" page renders its tables from this, and
 * a test checks the react README's token table against it.
 */

/** One token: its light default, its dark value (colours only), what it paints. */
export interface CssToken {
  name: string
  /** The default (light scheme). */
  value: string
  /** The dark scheme's value, when the dark scheme changes it. */
  dark?: string
  /** The comment after the declaration in :root. */
  description: string
  /** Values a ready theme sets, by theme name (`bank`, `contrast`) and scheme. */
  themes: Record<string, { light?: string; dark?: string }>
}

interface Block {
  selector: string
  declarations: Map<string, { value: string; comment: string }>
}

/** The rule blocks that declare tokens, with each declaration and its trailing comment. */
function blocks(css: string): Block[] {
  const found: Block[] = []
  // Declarations sit in innermost blocks: `selector { … }` with no nested braces.
  for (const match of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selector = (match[1] ?? '').replace(/\/\*[\s\S]*?\*\//g, '').trim()
    const declarations = new Map<string, { value: string; comment: string }>()
    for (const line of (match[2] ?? '').matchAll(
      /(--ck-[a-z-]+)\s*:\s*([^;]+);[ \t]*(?:\/\*\s*([\s\S]*?)\s*\*\/)?/g,
    )) {
      declarations.set(line[1]!, { value: line[2]!.trim(), comment: line[3] ?? '' })
    }
    if (declarations.size > 0) found.push({ selector, declarations })
  }
  return found
}

/** Every token with its defaults, dark value, description and theme values. */
export function cssTokens(css: string): CssToken[] {
  const all = blocks(css)
  const defaults = all.filter((block) =>
    /^:where\(:root(, \[data-theme='light'\])?\)$/.test(block.selector),
  )
  const dark = all.find((block) => block.selector === ":where([data-theme='dark'])")
  const tokens: CssToken[] = []
  for (const block of defaults) {
    for (const [name, { value, comment }] of block.declarations) {
      const darkValue = dark?.declarations.get(name)?.value
      tokens.push({
        name,
        value,
        ...(darkValue === undefined ? {} : { dark: darkValue }),
        description: comment,
        themes: {},
      })
    }
  }
  for (const block of all) {
    const theme = /^\[data-ck-theme='(\w+)'\](:is\(\[data-theme='dark'\])?/.exec(block.selector)
    if (!theme) continue
    const scheme = theme[2] ? 'dark' : 'light'
    for (const [name, { value }] of block.declarations) {
      const token = tokens.find((candidate) => candidate.name === name)
      if (!token) throw new Error(`theme ${theme[1]} sets ${name}, which has no default`)
      token.themes[theme[1]!] = { ...token.themes[theme[1]!], [scheme]: value }
    }
  }
  return tokens
}

/** The ready themes (`data-ck-theme` values) the stylesheet defines. */
export function cssThemes(css: string): string[] {
  return [...new Set([...css.matchAll(/\[data-ck-theme='(\w+)'\]/g)].map((match) => match[1]!))]
}
