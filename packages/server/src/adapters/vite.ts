/**
 * `@centagate-kit/server/vite`: a Vite plugin that mounts the kit handler (and the app's own API
 * routes next to it) in `vite dev` and `vite preview`. It takes a CENTAGATE config like any other
 * adapter: in code (`centagate`), else from the `CENTAGATE_*` environment variables. To develop
 * against the CENTAGATE emulator, the emulator package brings its own Vite plugin (it runs the
 * emulator in-process and mounts its control API) whose `upstream()` is spread in here: this
 * package never imports the emulator.
 *
 * @example
 * // vite.config.ts
 * plugins: [react(), centagateKit({ identify, getTransaction, appRoutes: { ... } })]
 * // with the emulator's plugin `emulator`:
 * plugins: [react(), emulator, centagateKit({ ...emulator.upstream(), identify, getTransaction })]
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin, PreviewServer, ViteDevServer } from 'vite'
import type { CentagateHandlerConfig } from '../config/handler-config'
import { configFromEnv } from '../config/config-from-env'
import { randomId } from '../encoding'
import type { CentagateHandler } from '../handler/create-centagate-handler'
import { consoleJsonLogger } from '../logger'
import { errorAnswer } from '../http/json-response'
import { KitFailure } from '../http/kit-failure'
import { type NodeListener, createCentagateHandler, toNodeHandler } from './node'
import {
  MalformedRequestError,
  malformedRequestAnswer,
  nodeRequestPath,
  nodeRequestUrl,
  toWebRequest,
  writeKitAnswer,
  writeWebResponse,
} from './node-bridge'

// App routes' failures are the developer's to see, in the terminal (unless `logger` is given).
const appRouteLogger = consoleJsonLogger({ minLevel: 'error' })

/** An app route served next to the kit: a Web handler that may use the kit (requireStepUp). */
export type AppRoute = (request: Request, kit: CentagateHandler) => Promise<Response>

export interface CentagateKitViteOptions extends Partial<
  Omit<CentagateHandlerConfig, 'centagate' | 'cookieSecrets'>
> {
  /** CENTAGATE connection. Default: from the `CENTAGATE_*` environment variables. */
  centagate?: CentagateHandlerConfig['centagate']
  /** Default: from the environment, else a random per-process secret (dev only). */
  cookieSecrets?: CentagateHandlerConfig['cookieSecrets']
  /** The app's own API: path -> handler; `/api/transfer` matches exactly, `/api/transfers/*` by prefix. */
  appRoutes?: Record<string, AppRoute>
  /** Environment to read. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>
}

/**
 * The kit handler for the options.
 * @throws ConfigError naming every missing or malformed setting (no `centagate` and an incomplete
 * environment included).
 */
function createKit(options: CentagateKitViteOptions): CentagateHandler {
  const env = options.env ?? process.env
  const { centagate: explicit, cookieSecrets, appRoutes: _routes, env: _env, ...rest } = options
  // The environment is read when it names a CENTAGATE, or when nothing else does (then its
  // ConfigError lists what is missing).
  const fromEnv = env.CENTAGATE_BASE_URL || explicit === undefined ? configFromEnv(env) : undefined
  return createCentagateHandler({
    // A dev server shows the kit's warnings (the handler's own default is silent).
    logger: consoleJsonLogger({ minLevel: 'warn' }),
    ...fromEnv,
    ...rest,
    centagate: explicit ?? fromEnv!.centagate,
    cookieSecrets: cookieSecrets ??
      fromEnv?.cookieSecrets ?? [{ id: 'dev', secret: `dev-only-${randomId(32)}` }],
  })
}

function findAppRoute(routes: Record<string, AppRoute> | undefined, pathname: string) {
  if (routes === undefined) return undefined
  if (Object.prototype.hasOwnProperty.call(routes, pathname)) return routes[pathname]
  const prefix = Object.keys(routes)
    .filter((key) => key.endsWith('/*') && pathname.startsWith(key.slice(0, -1)))
    .sort((a, b) => b.length - a.length)[0]
  return prefix === undefined ? undefined : routes[prefix]
}

export function centagateKit(options: CentagateKitViteOptions = {}): Plugin {
  let mounted: { kit: CentagateHandler; listener: NodeListener } | undefined
  const ready = () => {
    if (mounted === undefined) {
      const kit = createKit(options)
      mounted = { kit, listener: toNodeHandler(kit) }
    }
    return mounted
  }
  const appLogger = options.logger ?? appRouteLogger
  const ours = (pathname: string) =>
    ready().kit.handles(pathname) || findAppRoute(options.appRoutes, pathname) !== undefined

  // Everything the plugin serves answers JSON, whatever arrives: a malformed Host or URL is a
  // typed 400 and an app route that throws a typed 500 (its stack goes to the terminal). Nothing
  // reaches `next(error)`: Vite's error middleware would answer HTML with the stack, and its
  // websocket would replay the error as an overlay to the next visitor of the dev server.
  const serveAppRoute = async (
    route: AppRoute,
    request: IncomingMessage,
    response: ServerResponse,
  ) => {
    let webRequest: Request
    try {
      webRequest = await toWebRequest(request, { maxBodyBytes: 1 << 16 })
    } catch (error) {
      if (!(error instanceof MalformedRequestError)) throw error
      return writeKitAnswer(malformedRequestAnswer(error), response, { closeConnection: true })
    }
    let answer: Response
    try {
      answer = await route(webRequest, ready().kit)
    } catch (error) {
      const requestId = randomId(12)
      appLogger.error('app route threw', {
        requestId,
        path: new URL(webRequest.url).pathname,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      })
      return writeKitAnswer(
        errorAnswer(new KitFailure('internal_error'), requestId, Date.now()),
        response,
      )
    }
    await writeWebResponse(answer, response)
  }

  const middleware = (
    request: IncomingMessage,
    response: ServerResponse,
    next: (error?: unknown) => void,
  ) => {
    // A target that is not a path is Vite's to refuse.
    const pathname = nodeRequestPath(request)
    if (pathname === null) return next()
    const { kit, listener } = ready()
    if (kit.handles(pathname)) return listener(request, response, next)
    const route = findAppRoute(options.appRoutes, pathname)
    if (route === undefined) return next()
    serveAppRoute(route, request, response).catch(() => {
      // Writing the answer failed (the client went away): nothing left to tell it.
      if (!response.writableEnded) response.destroy()
    })
  }

  // Vite's host check (its DNS-rebinding defence) runs before any plugin middleware and answers a
  // Host it does not allow with a text 403: a malformed Host (`x@y`) on the kit's paths gets the
  // kit's typed 400 first. Malformed ones only: a well-formed Host Vite does not allow still meets
  // its 403, so this refuses more, never less.
  const refuseMalformedHost = (
    request: IncomingMessage,
    response: ServerResponse,
    next: (error?: unknown) => void,
  ) => {
    const pathname = nodeRequestPath(request)
    if (pathname !== null && ours(pathname)) {
      try {
        nodeRequestUrl(request)
      } catch (error) {
        if (!(error instanceof MalformedRequestError)) throw error
        return writeKitAnswer(malformedRequestAnswer(error), response, { closeConnection: true })
      }
    }
    next()
  }

  // Built at startup so that a bad configuration stops the server with every problem named.
  const install = (server: ViteDevServer | PreviewServer) => {
    ready()
    server.middlewares.stack.unshift({ route: '', handle: refuseMalformedHost })
    server.middlewares.use(middleware)
  }
  return {
    name: 'centagate-kit',
    configureServer: install,
    configurePreviewServer: install,
  }
}
