/**
 * `@centagate-kit/server/node`: mount the handler in node:http, Express or Connect, and the Node
 * defaults (a keep-alive undici transport for CENTAGATE calls).
 *
 * @example
 * import { createServer } from 'node:http'
 * import { createCentagateHandler, toNodeHandler } from '@centagate-kit/server/node'
 * const kit = createCentagateHandler({ ...configFromEnv(process.env), identify, getTransaction })
 * createServer(toNodeHandler(kit)).listen(3000)
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CentagateHandlerConfig } from '../config/handler-config'
import { createNodeTransport } from './node-transport'
import {
  type CentagateHandler,
  createCentagateHandler as createCoreHandler,
} from '../handler/create-centagate-handler'
import { kitEntryOf } from '../handler/kit-entry'
import { randomId } from '../encoding'
import { errorAnswer } from '../http/json-response'
import { KitFailure } from '../http/kit-failure'
import type { KitRequest } from '../http/kit-request'
import { defaultMaxBodyBytes } from '../http/read-json-body'
import {
  MalformedRequestError,
  kitRequestFromNode,
  malformedRequestAnswer,
  nodeRequestPath,
  readCapped,
  writeKitAnswer,
} from './node-bridge'

export { type NodeFetchOptions, createNodeFetch } from './node-fetch'
export { type NodeTransportOptions, createNodeTransport } from './node-transport'
export {
  MalformedRequestError,
  readWebRequest,
  toWebRequest,
  writeWebResponse,
} from './node-bridge'
export * from '../index'

/**
 * `createCentagateHandler` with the Node default for CENTAGATE calls: a keep-alive undici
 * dispatcher transport (`createNodeTransport()`), unless `centagate.fetch` or
 * `centagate.transport` is given.
 */
export function createCentagateHandler(config: CentagateHandlerConfig): CentagateHandler {
  const centagate =
    'client' in config.centagate ||
    config.centagate.fetch !== undefined ||
    config.centagate.transport !== undefined
      ? config.centagate
      : { ...config.centagate, transport: createNodeTransport() }
  return createCoreHandler({ ...config, centagate })
}

export type NodeListener = (
  request: IncomingMessage,
  response: ServerResponse,
  next?: (error?: unknown) => void,
) => void

/**
 * A node:http listener / Connect / Express middleware. Paths outside `handler.basePath` go to
 * `next()` when there is one, else 404. Mount it before any body parser (it reads the body itself,
 * capped); if a parser already ran, `req.body` is used. The request is served straight from
 * `IncomingMessage` to `ServerResponse` (no Web Request/Response on the way).
 */
export function toNodeHandler(
  handler: CentagateHandler,
  options: { maxBodyBytes?: number } = {},
): NodeListener {
  const cap = options.maxBodyBytes ?? defaultMaxBodyBytes
  const serve = kitEntryOf(handler)
  return (request, response, next) => {
    const notOurs = () => {
      if (next) return next()
      response.statusCode = 404
      response.end()
    }
    const path = nodeRequestPath(request)
    if (path === null && next === undefined) {
      // A target that is not a path, on a server the kit answers alone: bad input, a typed 400.
      writeKitAnswer(malformedRequestAnswer(new MalformedRequestError('(url)')), response, {
        closeConnection: true,
      })
      return
    }
    if (path === null || !handler.handles(path)) return notOurs()
    let kitRequest: KitRequest
    try {
      kitRequest = kitRequestFromNode(request)
    } catch (error) {
      if (!(error instanceof MalformedRequestError)) throw error
      // A Host header (or target) no URL can hold: bad input, a typed 400; the unread body is not
      // worth keeping the connection for.
      writeKitAnswer(malformedRequestAnswer(error), response, { closeConnection: true })
      return
    }
    // Read before the body: the socket is the connection's, whatever happens to the stream.
    const clientAddress = request.socket?.remoteAddress
    const context = clientAddress === undefined ? {} : { clientAddress }
    let closeConnection = false
    void (async () => {
      let bytes: Uint8Array
      const parsed = (request as IncomingMessage & { body?: unknown }).body
      if (request.readableEnded && parsed !== undefined) {
        bytes =
          parsed instanceof Uint8Array
            ? parsed
            : new TextEncoder().encode(typeof parsed === 'string' ? parsed : JSON.stringify(parsed))
      } else if (kitRequest.method === 'GET' || kitRequest.method === 'HEAD') {
        bytes = new Uint8Array()
      } else {
        // Read (capped) before answering, whatever the answer: a body left unread on a
        // keep-alive connection would be parsed as the next request.
        const body = await readCapped(request, cap)
        bytes = body.bytes
        closeConnection = body.closeConnection
      }
      const answer = await serve(kitRequest, () => Promise.resolve(bytes), context)
      writeKitAnswer(answer, response, { closeConnection })
    })().catch(() => {
      // A typed JSON 500 (never a framework's HTML error page, never a stack).
      if (response.headersSent) return void response.destroy()
      const failure = new KitFailure('internal_error')
      writeKitAnswer(errorAnswer(failure, randomId(12), Date.now()), response, {
        closeConnection: true,
      })
    })
  }
}
