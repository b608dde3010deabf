/** A tiny cookie jar: name=value pairs, honouring `Max-Age=0` deletions. Enough for one origin. */
export interface CookieJar {
  header(): string | undefined
  store(setCookieLines: readonly string[]): void
  has(name: string): boolean
  clear(): void
}

export function createCookieJar(): CookieJar {
  const values = new Map<string, string>()
  return {
    header: () =>
      values.size === 0
        ? undefined
        : [...values].map(([name, value]) => `${name}=${value}`).join('; '),
    store(lines) {
      for (const line of lines) {
        const [pair = ''] = line.split(';')
        const index = pair.indexOf('=')
        if (index <= 0) continue
        const name = pair.slice(0, index).trim()
        if (/;\s*max-age=0/i.test(line)) values.delete(name)
        else values.set(name, pair.slice(index + 1).trim())
      }
    },
    has: (name) => values.has(name),
    clear: () => values.clear(),
  }
}
