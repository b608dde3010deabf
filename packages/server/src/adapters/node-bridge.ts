// Node-only: IncomingMessage -> Request and Response -> ServerResponse, shared by the Node,
// Express, Fastify and Vite adapters.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'
import { requestUrl } from '@centagate-kit/protocol'
import { randomId } from '../encoding'
import { type KitAnswer, errorAnswer } from '../http/json-response'
import { KitFailure } from '../http/kit-failure'
import type { KitRequest } from '../http/kit-request'
import { defaultMaxBodyBytes } from '../http/read-json-body'
import { nodeHeaderValue } from './node-header-value'

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
export function readCapped(request: IncomingMessage, cap: number): Promise<CappedBody> {
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
      const joined = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
      resolve({
        bytes: new Uint8Array(joined.buffer as ArrayBuffer, joined.byteOffset, joined.byteLength),
        closeConnection,
      })
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

/**
 * A request whose `Host` header or target makes no URL (`Host: localhost:abc`, `127.0.0.1:99999`,
 * `x@y`; a target that is not a path). The kit's adapters answer it with a typed 400
 * (`invalid_input` naming {@link MalformedRequestError.part}); an app that calls `toWebRequest`
 * itself should answer 400 too, never let it reach a framework's error page.
 */
export class MalformedRequestError extends Error {
  override readonly name = 'MalformedRequestError'
  constructor(
    /** What is malformed: `(host)` or `(url)` (the `fields` of the 400). */
    readonly part: '(host)' | '(url)',
  ) {
    super(`malformed request ${part}`)
  }
}

/** The request target (Express strips its mount path from `url`; `originalUrl` keeps it). */
function targetOf(request: IncomingMessage): string | undefined {
  return (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url
}

/**
 * The absolute URL of a Node request (scheme from the socket, host from the Host header).
 * @throws MalformedRequestError when the Host header or the target make no URL.
 */
export function nodeRequestUrl(request: IncomingMessage): URL {
  const encrypted = (request.socket as TLSSocket | null)?.encrypted === true
  const scheme = encrypted ? 'https' : 'http'
  const url = requestUrl(scheme, request.headers.host, targetOf(request))
  if (url !== null) return url
  throw new MalformedRequestError(
    requestUrl(scheme, request.headers.host, '/') === null ? '(host)' : '(url)',
  )
}

/**
 * The path of a Node request as its URL has it (dot segments resolved), whatever its Host, or
 * `null` for a target that is not a path: what adapters route on before they build the URL.
 */
export function nodeRequestPath(request: IncomingMessage): string | null {
  return requestUrl('http', 'localhost', targetOf(request))?.pathname ?? null
}

/** The typed 400 for a {@link MalformedRequestError}: `invalid_input` naming `(host)` or `(url)`. */
export function malformedRequestAnswer(error: MalformedRequestError): KitAnswer {
  return errorAnswer(
    new KitFailure('invalid_input', { fields: [error.part] }),
    randomId(12),
    Date.now(),
  )
}

/** The request's headers as Web `Headers`, without the framing headers (the body is re-framed). */
function webHeaders(request: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'content-length' || name === 'transfer-encoding' || name === 'connection') continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  return headers
}

/**
 * A {@link KitRequest} read straight from the Node request: headers are looked up in
 * `request.headers`; a Web `Request` (without body) is built only if an app callback needs one.
 * @throws MalformedRequestError when the Host header or the target make no URL.
 */
export function kitRequestFromNode(
  request: IncomingMessage,
  url = nodeRequestUrl(request),
): KitRequest {
  const method = request.method ?? 'GET'
  let web: Request | undefined
  return {
    method,
    url,
    header: (name) => nodeHeaderValue(request.headers, name),
    webRequest: () => (web ??= new Request(url, { method, headers: webHeaders(request) })),
  }
}

/**
 * Writes a kit answer to a Node response, keeping every `Set-Cookie`. With `closeConnection` the
 * answer says `Connection: close` and the socket is ended after it.
 */
export function writeKitAnswer(
  answer: KitAnswer,
  target: ServerResponse,
  options: { closeConnection?: boolean } = {},
): void {
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of answer.headers.entries()) headers[name] = value
  const cookies = answer.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  headers['content-length'] = String(Buffer.byteLength(answer.body))
  if (options.closeConnection === true) {
    headers.connection = 'close'
    target.shouldKeepAlive = false
  }
  target.writeHead(answer.status, headers)
  target.end(answer.body)
}

/**
 * {@link toWebRequest} plus whether the connection must be closed after answering.
 * @throws MalformedRequestError when the Host header or the target make no URL (nothing read).
 */
export async function readWebRequest(
  request: IncomingMessage,
  options: NodeRequestOptions = {},
): Promise<{ request: Request; closeConnection: boolean }> {
  const url = nodeRequestUrl(request)
  const method = request.method ?? 'GET'
  const init: RequestInit = { method, headers: webHeaders(request) }
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

/**
 * Builds a Web `Request` from a Node request (origin from the Host header and the socket).
 * @throws MalformedRequestError when the Host header or the target make no URL: answer it with
 * `malformedRequestAnswer` (a typed 400), never a framework's error page.
 */
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
