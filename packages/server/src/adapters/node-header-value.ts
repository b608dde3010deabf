// Node-only: one header from a Node-style header record (node:http's `IncomingMessage.headers`,
// undici's response headers): lower-case lookup, repeated values joined like `Headers.get`.
export function nodeHeaderValue(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  name: string,
): string | null {
  const value = headers[name.toLowerCase()]
  if (value === undefined) return null
  return Array.isArray(value) ? value.join(', ') : value
}
