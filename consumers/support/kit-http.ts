// The browser side of the kit contract spoken over plain HTTP from the test process: JSON POSTs
// under /api/centagate with the kit header, the page's own Origin, device signals and a cookie jar
// (the flow cookie, the app session, the step-up receipt), exactly what the React kit sends.
export interface KitAnswer {
  status: number
  body: Record<string, unknown>
  headers: Headers
}

export const device = { userAgent: 'centagate-kit consumer suite', browserFp: '' }

export class KitHttp {
  private readonly cookies = new Map<string, string>()

  constructor(readonly origin: string) {}

  /** Any request to the app's origin, carrying and keeping cookies (`Origin`: the app's, unless set). */
  async request(pathname: string, init: RequestInit = {}): Promise<KitAnswer> {
    const headers = new Headers(init.headers)
    if (!headers.has('origin')) headers.set('origin', this.origin)
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '))
    }
    const response = await fetch(new URL(pathname, this.origin), {
      ...init,
      headers,
      redirect: 'manual',
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute))
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    const text = await response.text()
    let body: Record<string, unknown> = {}
    try {
      body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>)
    } catch {
      body = { text }
    }
    return { status: response.status, body, headers: response.headers }
  }

  /** A kit route (`login/start`, `sms/send`, ...) with `device` added to the body. */
  kit(route: string, body: Record<string, unknown> = {}): Promise<KitAnswer> {
    return this.request(`/api/centagate/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-centagate-kit': '1' },
      body: JSON.stringify({ ...body, device }),
    })
  }
}

/** Throws with the whole answer when `actual` is not `expected` (the suite's one assertion). */
export function expectAnswer(
  what: string,
  answer: KitAnswer,
  status: number,
  fields: Record<string, unknown> = {},
) {
  const mismatch =
    answer.status !== status ||
    Object.entries(fields).some(([key, value]) => answer.body[key] !== value)
  if (mismatch) {
    throw new Error(
      `${what}: expected ${status} ${JSON.stringify(fields)}, got ${answer.status} ${JSON.stringify(answer.body)}`,
    )
  }
}
