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
import { type NodeListener, createCentagateHandler, toNodeHandler } from './node'
import { toWebRequest, writeWebResponse } from './node-bridge'

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

  const middleware = (
    request: IncomingMessage,
    response: ServerResponse,
    next: (error?: unknown) => void,
  ) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname
    void (async () => {
      const { kit, listener } = ready()
      if (kit.handles(pathname)) return listener(request, response, next)
      const route = findAppRoute(options.appRoutes, pathname)
      if (route !== undefined) {
        return writeWebResponse(
          await route(await toWebRequest(request, { maxBodyBytes: 1 << 16 }), kit),
          response,
        )
      }
      next()
    })().catch(next)
  }
  // Built at startup so that a bad configuration stops the server with every problem named.
  const install = (server: ViteDevServer | PreviewServer) => {
    ready()
    server.middlewares.use(middleware)
  }
  return {
    name: 'centagate-kit',
    configureServer: install,
    configurePreviewServer: install,
  }
}
