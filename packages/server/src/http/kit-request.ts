/**
 * What the kit reads of an incoming request: method, URL and headers. Adapters that already hold
 * a Web `Request` wrap it; the Node adapter reads `IncomingMessage` directly and builds a Web
 * `Request` only if an app callback (`identify`, `getTransaction`, ...) asks for one, because
 * converting every request cost about a sixth of the server's CPU in the benchmark profile.
 */
export interface KitRequest {
  readonly method: string
  /** The absolute request URL (origin from the Host header and the transport). */
  readonly url: URL
  /** A header value (case-insensitive name), `null` when absent; repeated headers joined. */
  header(name: string): string | null
  /** The request as a Web `Request` for app callbacks (its body is already consumed). */
  webRequest(): Request
}

/** A {@link KitRequest} over a Web `Request`. */
export function kitRequestFromWeb(request: Request): KitRequest {
  const url = new URL(request.url)
  return {
    method: request.method,
    url,
    header: (name) => request.headers.get(name),
    webRequest: () => request,
  }
}
