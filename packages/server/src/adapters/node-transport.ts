// Node-only: CENTAGATE calls on undici's dispatcher API (`Agent.request`) with keep-alive. In the
// benchmark the kit spent more CPU in undici's fetch (WHATWG Request/Response, streams) than in
// anything else; the dispatcher API is what the pass-through proxy baseline uses.
import { Agent } from 'undici'
import {
  BodyTooLargeError,
  type UpstreamResponse,
  type UpstreamTransport,
} from '../centagate-client/upstream-transport'

export interface NodeTransportOptions {
  /** Max sockets per origin. Default 64. */
  connections?: number
  /** Idle keep-alive in ms. Default 10 000. */
  keepAliveTimeoutMs?: number
}

type UndiciBody = Awaited<ReturnType<Agent['request']>>['body']

/** Reads at most `maxBytes` of the body as UTF-8; past the cap the socket is dropped. */
function readCapped(body: UndiciBody, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    body.on('data', (chunk: Buffer) => {
      total += chunk.length
      if (total > maxBytes) {
        body.destroy()
        reject(new BodyTooLargeError(`more than ${maxBytes} bytes`))
      } else chunks.push(chunk)
    })
    body.on('end', () => resolve(Buffer.concat(chunks, total).toString('utf8')))
    body.on('error', reject)
  })
}

/** A transport on a dedicated keep-alive undici Agent; redirects are never followed. */
export function createNodeTransport(
  options: NodeTransportOptions = {},
): UpstreamTransport & { close(): Promise<void> } {
  const agent = new Agent({
    connections: options.connections ?? 64,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
  })
  const transport = async (request: Parameters<UpstreamTransport>[0]) => {
    const url = new URL(request.url)
    const { statusCode, headers, body } = await agent.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      signal: request.signal,
    })
    const header = (name: string) => {
      const value = headers[name.toLowerCase()]
      if (value === undefined) return null
      return Array.isArray(value) ? value.join(', ') : value
    }
    const declared = Number(header('content-length') ?? Number.NaN)
    const response: UpstreamResponse = {
      status: statusCode,
      redirect: statusCode >= 300 && statusCode < 400,
      header,
      text: async (maxBytes) => {
        if (Number.isFinite(declared) && declared > maxBytes) {
          body.destroy()
          throw new BodyTooLargeError(`declared ${declared} bytes`)
        }
        return readCapped(body, maxBytes)
      },
      discard: async () => {
        await body.dump().catch(() => undefined)
      },
    }
    return response
  }
  return Object.assign(transport, { close: () => agent.close() })
}
