// Node-only: IncomingMessage -> Request and Response -> ServerResponse, shared by the Node,
// Express, Fastify and Vite adapters.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'
import { defaultMaxBodyBytes } from '../http/read-json-body'

/** Bytes past the cap that are read and discarded so the 413 reaches a still-sending client. */
const drainLimitBytes = 1024 * 1024

interface CappedBody {
  /** At most `cap + 1` bytes: enough for the handler to answer 413. */
  bytes: Uint8Array<ArrayBuffer>
  /** The client sent far more than the cap: answer, then close the connection. */
  closeConnection: boolean
}

/**
 * Reads the body keeping at most `cap + 1` bytes. Past the cap the rest is drained (not kept) so
 * the connection stays usable; past cap + 1 MiB reading stops and the connection is to be closed.
 * Never destroys the request (a destroyed request loses its socket).
 */
function readCapped(request: IncomingMessage, cap: number): Promise<CappedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let kept = 0
    let seen = 0
    let settled = false
    const settle = (closeConnection: boolean) => {
      if (settled) return
      settled = true
      request.off('data', onData)
      request.off('end', onEnd)
      request.off('error', onError)
      resolve({ bytes: Uint8Array.from(Buffer.concat(chunks)), closeConnection })
    }
    const onData = (chunk: Buffer) => {
      seen += chunk.length
      if (kept <= cap) {
        const part = chunk.subarray(0, cap + 1 - kept)
        chunks.push(part)
        kept += part.length
      }
      if (seen > cap + drainLimitBytes) {
        request.pause()
        settle(true)
      }
    }
    const onEnd = () => settle(false)
    const onError = (error: Error) => {
      if (!settled) {
        settled = true
        reject(error)
      }
    }
    request.on('data', onData)
    request.on('end', onEnd)
    request.on('error', onError)
  })
}

export interface NodeRequestOptions {
  /** Body bytes kept at most (the handler refuses more with 413). Default 16 384. */
  maxBodyBytes?: number
  /** A body some framework already read (Express `req.body`, Fastify's raw buffer). */
  body?: Uint8Array | string
}

/** {@link toWebRequest} plus whether the connection must be closed after answering. */
export async function readWebRequest(
  request: IncomingMessage,
  options: NodeRequestOptions = {},
): Promise<{ request: Request; closeConnection: boolean }> {
  const encrypted = (request.socket as TLSSocket | null)?.encrypted === true
  const host = request.headers.host ?? 'localhost'
  // Express strips its mount path from `url`; `originalUrl` keeps the full path.
  const path = (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url
  const url = new URL(path ?? '/', `${encrypted ? 'https' : 'http'}://${host}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    // The body is re-framed below; hop-by-hop framing headers must not carry over.
    if (name === 'content-length' || name === 'transfer-encoding' || name === 'connection') continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  const method = request.method ?? 'GET'
  const init: RequestInit = { method, headers }
  let closeConnection = false
  if (method !== 'GET' && method !== 'HEAD') {
    if (options.body !== undefined) {
      init.body = typeof options.body === 'string' ? options.body : new Uint8Array(options.body)
    } else {
      const body = await readCapped(request, options.maxBodyBytes ?? defaultMaxBodyBytes)
      init.body = body.bytes
      closeConnection = body.closeConnection
    }
  }
  return { request: new Request(url, init), closeConnection }
}

/** Builds a Web `Request` from a Node request (origin from the Host header and the socket). */
export async function toWebRequest(
  request: IncomingMessage,
  options: NodeRequestOptions = {},
): Promise<Request> {
  return (await readWebRequest(request, options)).request
}

/**
 * Writes a Web `Response` to a Node response, keeping every `Set-Cookie`. With `closeConnection`
 * the answer says `Connection: close` and the socket is ended after it.
 */
export async function writeWebResponse(
  response: Response,
  target: ServerResponse,
  options: { closeConnection?: boolean } = {},
): Promise<void> {
  target.statusCode = response.status
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') target.setHeader(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) target.setHeader('set-cookie', cookies)
  const body = new Uint8Array(await response.arrayBuffer())
  target.setHeader('content-length', String(body.byteLength))
  if (options.closeConnection === true) {
    target.setHeader('connection', 'close')
    target.shouldKeepAlive = false
  }
  target.end(body)
}
