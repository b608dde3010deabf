/**
 * `@centagate-kit/server/fastify`: the kit routes as a Fastify plugin. Inside the plugin's own
 * scope the body stays raw (the handler validates it), so the app's JSON parser is untouched.
 *
 * @example
 * await app.register(centagateFastify(kit))
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import type { CentagateHandler } from '../handler/create-centagate-handler'
import { kitEntryOf } from '../handler/kit-entry'
import { defaultMaxBodyBytes } from '../http/read-json-body'
import type { KitRequest } from '../http/kit-request'
import { MalformedRequestError, kitRequestFromNode, malformedRequestAnswer } from './node-bridge'

export function centagateFastify(
  kit: CentagateHandler,
  options: { maxBodyBytes?: number } = {},
): FastifyPluginAsync {
  const cap = options.maxBodyBytes ?? defaultMaxBodyBytes
  const serve = kitEntryOf(kit)
  const plugin = async (instance: FastifyInstance) => {
    instance.removeAllContentTypeParsers()
    // Fastify's own body limit stays above ours so that the handler answers the typed 413.
    instance.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: cap * 4 },
      (_request, body, done) => {
        done(null, body)
      },
    )
    instance.all(`${kit.basePath}/*`, async (request, reply) => {
      const body = request.body
      const bytes = body instanceof Uint8Array ? body : new Uint8Array()
      const clientAddress = request.raw.socket.remoteAddress
      let kitRequest: KitRequest | MalformedRequestError
      try {
        kitRequest = kitRequestFromNode(request.raw)
      } catch (error) {
        if (!(error instanceof MalformedRequestError)) throw error
        kitRequest = error
      }
      // Served straight from the raw request, like toNodeHandler (no Web Request/Response); a
      // Host no URL can hold is a typed 400, never Fastify's error handler.
      const answer =
        kitRequest instanceof MalformedRequestError
          ? malformedRequestAnswer(kitRequest)
          : await serve(
              kitRequest,
              () => Promise.resolve(bytes),
              clientAddress === undefined ? {} : { clientAddress },
            )
      reply.code(answer.status)
      for (const [name, value] of answer.headers.entries()) void reply.header(name, value)
      const cookies = answer.headers.getSetCookie()
      if (cookies.length > 0) void reply.header('set-cookie', cookies)
      return reply.send(answer.body)
    })
  }
  return plugin
}
