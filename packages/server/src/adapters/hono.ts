/**
 * `@centagate-kit/server/hono`: the kit as a Hono handler. Runtime-neutral (no Node API): on
 * `@hono/node-server` the socket address is read from `c.env.incoming`.
 *
 * @example
 * app.all('/api/centagate/*', centagateHono(kit))
 * // @hono/node-server: typed 400s for requests it cannot turn into a Request (see below)
 * createServer(getRequestListener(app.fetch, { errorHandler: centagateHonoErrorHandler }))
 */
import type { Context } from 'hono'
import { randomId } from '../encoding'
import type { CentagateHandler } from '../handler/create-centagate-handler'
import { errorResponse } from '../http/json-response'
import { KitFailure } from '../http/kit-failure'

export function centagateHono(kit: CentagateHandler): (c: Context) => Promise<Response> {
  return (c) => {
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
    const clientAddress = env?.incoming?.socket?.remoteAddress
    return kit(c.req.raw, clientAddress === undefined ? {} : { clientAddress })
  }
}

/**
 * The `errorHandler` of `@hono/node-server`'s `getRequestListener`. A request whose Host header or
 * URL makes no Web `Request` (`Host: localhost:abc`, `x@y`) never reaches Hono: node-server
 * answers it with an empty 400 of its own (`serve()` takes no error handler). With this handler it
 * is the kit's typed 400 JSON (`invalid_input` naming `(request)`), and an error thrown past the
 * app's own error handling a typed 500: JSON either way, never a stack.
 */
export function centagateHonoErrorHandler(error: unknown): Response {
  const malformed = error instanceof Error && error.name === 'RequestError'
  const failure = malformed
    ? new KitFailure('invalid_input', { fields: ['(request)'] })
    : new KitFailure('internal_error')
  return errorResponse(failure, randomId(12), Date.now())
}
