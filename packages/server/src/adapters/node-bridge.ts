// Node-only: IncomingMessage -> Request and Response -> ServerResponse, shared by the Node,
// Express, Fastify and Vite adapters.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'
import { defaultMaxBodyBytes } from '../http/read-json-body'

/** Reads at most `cap + 1` bytes: enough for the handler to answer 413 without buffering more. */
async function readCapped(request: IncomingMessage, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const buffer = chunk as Buffer
    chunks.push(buffer)
    size += buffer.length
    if (size > cap) {
      request.unpipe()
      request.resume() // drain the rest without keeping it
      break
    }
  }
  return Uint8Array.from(Buffer.concat(chunks).subarray(0, cap + 1))
}

export interface NodeRequestOptions {
  /** Body bytes read at most (the handler refuses more with 413). Default 16 384. */
  maxBodyBytes?: number
  /** A body some framework already read (Express `req.body`, Fastify's raw buffer). */
  body?: Uint8Array | string
}

/** Builds a Web `Request` from a Node request (origin from the Host header and the socket). */
export async function toWebRequest(
  request: IncomingMessage,
  options: NodeRequestOptions = {},
): Promise<Request> {
  const encrypted = (request.socket as TLSSocket).encrypted === true
  const host = request.headers.host ?? 'localhost'
  const url = new URL(request.url ?? '/', `${encrypted ? 'https' : 'http'}://${host}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    // The body is re-framed below; hop-by-hop framing headers must not carry over.
    if (name === 'content-length' || name === 'transfer-encoding' || name === 'connection') continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  const method = request.method ?? 'GET'
  const init: RequestInit = { method, headers }
  if (method !== 'GET' && method !== 'HEAD') {
    const cap = options.maxBodyBytes ?? defaultMaxBodyBytes
    init.body =
      options.body !== undefined
        ? typeof options.body === 'string'
          ? options.body
          : new Uint8Array(options.body)
        : await readCapped(request, cap)
  }
  return new Request(url, init)
}

/** Writes a Web `Response` to a Node response, keeping every `Set-Cookie`. */
export async function writeWebResponse(response: Response, target: ServerResponse): Promise<void> {
  target.statusCode = response.status
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') target.setHeader(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) target.setHeader('set-cookie', cookies)
  const body = new Uint8Array(await response.arrayBuffer())
  target.setHeader('content-length', String(body.byteLength))
  target.end(body)
}
