/**
 * The emulator's answers as plain data. `fetch()` turns them into a Web `Response`; the node
 * server writes them straight to the socket (Web Request/Response objects cost more than the
 * emulator's own work on Node, see README "Performance").
 */
export interface EmulatorReply {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | null
  /** The CENTAGATE return code of an envelope answer (for the request log). */
  readonly code?: string
}

/** One incoming request, already read. */
export interface EmulatorInput {
  readonly method: string
  /** Absolute URL (any origin). */
  readonly url: string
  /** A request header by (case-insensitive) name, `null` when absent. */
  readonly header: (name: string) => string | null
  readonly bodyText: string
  readonly signal?: AbortSignal
}

export function jsonReply(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): EmulatorReply {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }
}

export function textReply(
  body: string,
  status: number,
  contentType = 'text/plain; charset=utf-8',
): EmulatorReply {
  return { status, headers: { 'content-type': contentType }, body }
}

export function toResponse(reply: EmulatorReply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers })
}
