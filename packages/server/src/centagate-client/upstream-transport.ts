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
  /** Aborts the whole exchange, headers and body (the client's timeout). */
  signal: AbortSignal
}

export interface UpstreamResponse {
  status: number
  /** The upstream answered with a redirect (never followed). */
  redirect: boolean
  /** A response header, `null` when absent. */
  header(name: string): string | null
  /** The body as UTF-8 text; rejects with {@link BodyTooLargeError} past `maxBytes`. */
  text(maxBytes: number): Promise<string>
  /** Discards the body (frees the connection). */
  discard(): Promise<void>
}

/** Sends one request; rejects only when no response arrived (network error or abort). */
export type UpstreamTransport = (request: UpstreamRequest) => Promise<UpstreamResponse>

/** A transport on a fetch function; redirects are never followed. */
export function fetchTransport(fetchImpl: FetchLike): UpstreamTransport {
  return async (request) => {
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      signal: request.signal,
    }
    if (request.body !== undefined) init.body = request.body
    const response = await fetchImpl(request.url, init)
    return {
      status: response.status,
      redirect:
        response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400),
      header: (name) => response.headers.get(name),
      text: (maxBytes) => readCappedText(response, maxBytes),
      discard: async () => {
        await response.body?.cancel().catch(() => undefined)
      },
    }
  }
}

export { BodyTooLargeError }
