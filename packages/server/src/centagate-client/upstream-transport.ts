/**
 * How the CENTAGATE client sends one request: a fetch-based transport everywhere (browsers, edge
 * runtimes, a caller's own fetch) and, on Node, one on undici's dispatcher API
 * (`@centagate-kit/server/node`), which skips the WHATWG Request/Response machinery that made
 * fetch the largest item of the server profile.
 */
import { BodyTooLargeError, readCappedText } from './read-capped-body'

/** A fetch-compatible function (global fetch, undici's, or a test double). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export interface UpstreamRequest {
  url: string
  method: 'GET' | 'POST' | 'PUT'
  headers: Readonly<Record<string, string>>
  body?: string
  /** Deadline for the whole exchange, headers and body, in milliseconds. */
  timeoutMs: number
}

/** The exchange passed its deadline (from the transport or from `text()`). */
export class UpstreamDeadlineError extends Error {
  override readonly name = 'UpstreamDeadlineError'
}

export interface UpstreamResponse {
  status: number
  /** The upstream answered with a redirect (never followed). */
  redirect: boolean
  /** A response header, `null` when absent. */
  header(name: string): string | null
  /**
   * The body as UTF-8 text; rejects with {@link BodyTooLargeError} past `maxBytes`, with
   * {@link UpstreamDeadlineError} past the deadline.
   */
  text(maxBytes: number): Promise<string>
  /** Discards the body (frees the connection). Either this or `text()` ends every exchange. */
  discard(): Promise<void>
}

/**
 * Sends one request; rejects when no response arrived: {@link UpstreamDeadlineError} past the
 * deadline, anything else for a network error.
 */
export type UpstreamTransport = (request: UpstreamRequest) => Promise<UpstreamResponse>

/** A transport on a fetch function; redirects are never followed. */
export function fetchTransport(fetchImpl: FetchLike): UpstreamTransport {
  return async (request) => {
    const controller = new AbortController()
    let expired = false
    const timer = setTimeout(() => {
      expired = true
      controller.abort()
    }, request.timeoutMs)
    const deadlineOr = (error: unknown) =>
      expired ? new UpstreamDeadlineError('upstream deadline passed') : error
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      signal: controller.signal,
    }
    if (request.body !== undefined) init.body = request.body
    let response: Response
    try {
      response = await fetchImpl(request.url, init)
    } catch (error) {
      clearTimeout(timer)
      throw deadlineOr(error)
    }
    return {
      status: response.status,
      redirect:
        response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400),
      header: (name) => response.headers.get(name),
      text: async (maxBytes) => {
        try {
          return await readCappedText(response, maxBytes)
        } catch (error) {
          throw deadlineOr(error)
        } finally {
          clearTimeout(timer)
        }
      },
      discard: async () => {
        clearTimeout(timer)
        await response.body?.cancel().catch(() => undefined)
      },
    }
  }
}

export { BodyTooLargeError }
