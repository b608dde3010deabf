/** Values a message may interpolate. */
export type MessageParams = Readonly<Record<string, string | number>>

const pluralBlock = /\{(\w+), plural,((?:[^{}]|\{[^{}]*\})*)\}/g
const pluralOption = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g

/**
 * Interpolates `{name}` placeholders and a subset of ICU plurals
 * (`{count, plural, one {# item} other {# items}}`, `=0` exact matches, `#` = the number).
 * Missing parameters are left visible (`{name}`) rather than silently dropped.
 */
export function formatMessage(template: string, params: MessageParams = {}, locale = 'en'): string {
  const withPlurals = template.replace(pluralBlock, (whole, name: string, body: string) => {
    const raw = params[name]
    if (typeof raw !== 'number') return whole
    const options = new Map<string, string>()
    for (const match of body.matchAll(pluralOption)) options.set(match[1] ?? '', match[2] ?? '')
    const category = new Intl.PluralRules(locale).select(raw)
    const chosen = options.get(`=${raw}`) ?? options.get(category) ?? options.get('other') ?? ''
    return chosen.replace(/#/g, new Intl.NumberFormat(locale).format(raw))
  })
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}
