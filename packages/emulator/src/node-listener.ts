// Node-only: the emulator as a node:http listener, shared by the emulator server (node.ts) and the
// Vite plugin (vite.ts). Implements the socket-level faults a fetch handler cannot express: `drop`
// destroys the socket, `hang` never answers (until the client goes away or the emulator closes).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { requestUrl } from '@centagate-kit/protocol'
import type { Emulator } from './emulator'
import { EmulatorConnectionDropped } from './faults'

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > limit) return null
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

export interface EmulatorListenerOptions {
  /** Largest accepted request body in bytes (larger: connection closed, 413). */
  maxBodyBytes: number
  /** The `http:` origin the emulator sees in request URLs. Default: from the Host header. */
  origin?: () => string
}

/** Serves one node:http request with `emulator` (plain data in and out, no Web Request/Response). */
export function createEmulatorListener(
  emulator: Emulator,
  options: EmulatorListenerOptions,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (req, res) => {
    const controller = new AbortController()
    // The client went away: abort the handler (frees a hanging request).
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('client closed the connection'))
    })
    void (async () => {
      const body = await readBody(req, options.maxBodyBytes)
      if (body === null) {
        res.writeHead(413, { connection: 'close' }).end()
        return
      }
      const fixed = options.origin?.()
      const url =
        fixed === undefined
          ? requestUrl('http', req.headers.host, req.url)
          : requestUrl('http', new URL(fixed).host, req.url)
      if (url === null) {
        // A Host (`localhost:abc`, `x@y`) or target no URL can hold: a typed 400, never a 500.
        const refusal = JSON.stringify({
          error: 'malformed_request',
          message: 'the Host header or the request target is malformed',
        })
        res.writeHead(400, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(refusal),
          connection: 'close',
        })
        res.end(refusal)
        return
      }
      try {
        // Plain data in and out: Web Request/Response objects would cost more than the emulator.
        const reply = await emulator.respond({
          method: req.method ?? 'GET',
          url: url.href,
          header: (name) => {
            const value = req.headers[name.toLowerCase()]
            return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
          },
          bodyText: body.toString('utf8'),
          signal: controller.signal,
        })
        res.writeHead(reply.status, reply.headers)
        res.end(reply.body ?? undefined)
      } catch (error) {
        if (error instanceof EmulatorConnectionDropped || controller.signal.aborted) {
          req.socket.destroy()
          return
        }
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
        res.end('Internal emulator error')
      }
    })().catch(() => req.socket.destroy())
  }
}
