/**
 * `@centagate-kit/server/fastify`: the kit routes as a Fastify plugin. Inside the plugin's own
 * scope the body stays raw (the handler validates it), so the app's JSON parser is untouched.
 *
 * @example
 * await app.register(centagateFastify(kit))
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import type { CentagateHandler } from '../handler/create-centagate-handler'
import { defaultMaxBodyBytes } from '../http/read-json-body'
import { toWebRequest } from './node-bridge'

export function centagateFastify(
  kit: CentagateHandler,
  options: { maxBodyBytes?: number } = {},
): FastifyPluginAsync {
  const cap = options.maxBodyBytes ?? defaultMaxBodyBytes
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
      const webRequest = await toWebRequest(request.raw, {
        maxBodyBytes: cap,
        ...(body instanceof Uint8Array ? { body } : { body: new Uint8Array() }),
      })
      const clientAddress = request.raw.socket.remoteAddress
      const response = await kit(webRequest, clientAddress === undefined ? {} : { clientAddress })
      reply.code(response.status)
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') void reply.header(name, value)
      })
      const cookies = response.headers.getSetCookie()
      if (cookies.length > 0) void reply.header('set-cookie', cookies)
      return reply.send(await response.text())
    })
  }
  return plugin
}
