/**
 * Kit journeys as a browser would run them, over any `handle(request)` (in process or over HTTP)
 * with the emulator's control API standing in for the user's phone and token.
 */
import { CookieJar, device, kitRequest } from './kit-requests'
import type { KitRequestOptions } from './kit-requests'
import { latestCode } from './outbox'

export type Handle = (request: Request) => Promise<Response>
export type Control = (path: string, init?: { method?: string; body?: unknown }) => Promise<unknown>

export interface JourneyOptions {
  /** Base URL of a kit server over HTTP; default: the in-process origin. */
  baseUrl?: string
  /** Extra headers on every call (e.g. the test's stand-in for the app session). */
  headers?: Record<string, string>
}

/** A step of a journey that did not answer as expected. */
export class JourneyError extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${step}: HTTP ${status} ${body.slice(0, 200)}`)
  }
}

export class Journey {
  readonly jar = new CookieJar()
  constructor(
    private readonly handle: Handle,
    private readonly options: JourneyOptions = {},
  ) {}

  /** A request carrying this journey's cookies and headers. */
  request(route: string, init: KitRequestOptions = {}): Request {
    const options: KitRequestOptions = {
      ...init,
      cookie: this.jar.header(),
      headers: { ...this.options.headers, ...init.headers },
    }
    if (this.options.baseUrl !== undefined) options.baseUrl = this.options.baseUrl
    return kitRequest(route, options)
  }

  /** Sends and stores cookies; returns the response with its text already read. */
  async send(
    route: string,
    body?: unknown,
  ): Promise<{ status: number; text: string; json: unknown; response: Response }> {
    const response = await this.handle(this.request(route, body === undefined ? {} : { body }))
    this.jar.store(response)
    const text = await response.text()
    let json: unknown = null
    try {
      json = JSON.parse(text)
    } catch {
      json = null
    }
    return { status: response.status, text, json, response }
  }

  /** Sends and requires HTTP 200. */
  async expectOk(route: string, body?: unknown): Promise<unknown> {
    const result = await this.send(route, body)
    if (result.status !== 200) throw new JourneyError(route, result.status, result.text)
    return result.json
  }
}

/** Password login, then an SMS sent: returns the journey and the code from the outbox. */
export async function smsLoginUntilCode(
  handle: Handle,
  control: Control,
  username: string,
  password: string,
  options: JourneyOptions = {},
): Promise<{ journey: Journey; code: string }> {
  const journey = new Journey(handle, options)
  await journey.expectOk('login/start', { username, password, device })
  await journey.expectOk('sms/send', { device })
  const code = latestCode(await control(`outbox?username=${encodeURIComponent(username)}`))
  return { journey, code }
}

/** Step-up of the identified user by SMS, until the code is known. */
export async function smsStepUpUntilCode(
  handle: Handle,
  control: Control,
  username: string,
  options: JourneyOptions = {},
  transactionId?: string,
): Promise<{ journey: Journey; code: string }> {
  const journey = new Journey(handle, options)
  await journey.expectOk(
    'stepup/start',
    transactionId === undefined ? { device } : { transactionId, device },
  )
  await journey.expectOk('sms/send', { device })
  const code = latestCode(await control(`outbox?username=${encodeURIComponent(username)}`))
  return { journey, code }
}

/** A wrong code of the same shape as `code` (never equal to it). */
export function wrongCode(code: string, salt = 1): string {
  const digits = code.split('').map(Number)
  digits[digits.length - 1] = ((digits.at(-1) ?? 0) + salt) % 10
  const candidate = digits.join('')
  return candidate === code ? wrongCode(code, salt + 1) : candidate
}
