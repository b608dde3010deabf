/**
 * `@centagate-kit/server/hono`: the kit as a Hono handler. Runtime-neutral (no Node API): on
 * `@hono/node-server` the socket address is read from `c.env.incoming`.
 *
 * @example
 * app.all('/api/centagate/*', centagateHono(kit))
 */
import type { Context } from 'hono'
import type { CentagateHandler } from '../handler/create-centagate-handler'

export function centagateHono(kit: CentagateHandler): (c: Context) => Promise<Response> {
  return (c) => {
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
    const clientAddress = env?.incoming?.socket?.remoteAddress
    return kit(c.req.raw, clientAddress === undefined ? {} : { clientAddress })
  }
}
