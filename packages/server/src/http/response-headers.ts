/**
 * Response headers while a kit answer is built: plain maps instead of a Web `Headers` (whose
 * validation showed in the server profile), with `Set-Cookie` kept as a list.
 */
export class ResponseHeaders {
  private readonly values = new Map<string, string>()
  private readonly cookies: string[] = []

  /** Sets a header (lower-case name); `set-cookie` goes to {@link appendSetCookie}. */
  set(name: string, value: string): void {
    const key = name.toLowerCase()
    if (key === 'set-cookie') this.cookies.push(value)
    else this.values.set(key, value)
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase())
  }

  appendSetCookie(cookie: string): void {
    this.cookies.push(cookie)
  }

  getSetCookie(): string[] {
    return [...this.cookies]
  }

  /** Every header but `Set-Cookie`, as `[name, value]` pairs. */
  entries(): IterableIterator<[string, string]> {
    return this.values.entries()
  }
}
