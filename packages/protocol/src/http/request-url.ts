/**
 * The absolute URL of an incoming HTTP/1 request, from the parts a Node server sees: the scheme of
 * the socket, the `Host` header and the request target. Shared by the kit server's Node adapters
 * and the emulator's Node listener (neither may import the other), so that hostile bytes become a
 * typed 400 in both instead of `new URL()` throwing "Invalid URL" into a framework's error page.
 */

/** `host[:port]`: a registered name or IPv4 address, or a bracketed IPv6 address; port digits. */
const hostHeaderPattern = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~-]+)(?::[0-9]{1,5})?$/

/**
 * The request's URL, or `null` when its parts make none: a `Host` that is not `host[:port]`
 * (`localhost:abc`, `127.0.0.1:99999`, `x@y` — which `new URL` would even read as host `y`), or a
 * target that is not a path (`*`, `http://other/...`). A request without `Host` (HTTP/1.0) is read
 * as `localhost`.
 */
export function requestUrl(
  scheme: 'http' | 'https',
  host: string | undefined,
  target: string | undefined,
): URL | null {
  const authority = host ?? 'localhost'
  const path = target ?? '/'
  if (!hostHeaderPattern.test(authority) || !path.startsWith('/')) return null
  try {
    // Concatenated, never resolved against a base: a target `//evil/x` stays a path.
    return new URL(`${scheme}://${authority}${path}`)
  } catch {
    return null
  }
}
