/**
 * Browsers drop `Set-Cookie` from script-built Responses (it is a forbidden response header), and
 * there is no HTTP hop in Storybook. This shim makes `Response` a subclass that remembers the
 * Set-Cookie values it was constructed with, so the story backend's cookie jar can read them.
 * Behaviour is otherwise identical (a true Response subclass). Installed once, in Storybook only.
 */
const cookies = new WeakMap<Response, string[]>()
const marker = Symbol.for('centagate-kit.storybook.set-cookie-shim')

export function installSetCookieShim(): void {
  const scope = globalThis as typeof globalThis & { [marker]?: true }
  if (scope[marker]) return
  const NativeResponse = globalThis.Response
  class CookieKeepingResponse extends NativeResponse {
    constructor(body?: BodyInit | null, init?: ResponseInit) {
      // A plain Headers object (guard "none") keeps Set-Cookie; read it before Response drops it.
      const setCookies = init?.headers ? new Headers(init.headers).getSetCookie() : []
      super(body, init)
      if (setCookies.length > 0) cookies.set(this, setCookies)
    }
  }
  globalThis.Response = CookieKeepingResponse as typeof Response
  scope[marker] = true
}

/** The Set-Cookie lines the server put on `response`. */
export function setCookiesOf(response: Response): string[] {
  return cookies.get(response) ?? response.headers.getSetCookie()
}
