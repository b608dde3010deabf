/**
 * `@centagate-kit/server/vite`: a Vite plugin that mounts the kit handler in `vite dev` and
 * `vite preview`. Without a CENTAGATE base URL (code or `CENTAGATE_BASE_URL`) it runs the
 * CENTAGATE emulator in-process (dynamic import: production installs need not have it) and also
 * mounts the emulator's `/__emulator/*` control API for the demo's device drawer.
 *
 * @example
 * // vite.config.ts
 * plugins: [react(), centagateKit({ identify, getTransaction, appRoutes: (kit) => ({ ... }) })]
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Emulator, EmulatorOptions } from '@centagate-kit/emulator'
import type { Plugin, PreviewServer, ViteDevServer } from 'vite'
import type { CentagateHandlerConfig } from '../config/handler-config'
import { configFromEnv } from '../config/config-from-env'
import { randomId } from '../encoding'
import type { CentagateHandler } from '../handler/create-centagate-handler'
import { consoleJsonLogger } from '../logger'
import { createCentagateHandler, toNodeHandler } from './node'
import { toWebRequest, writeWebResponse } from './node-bridge'

/** An app route served next to the kit: a Web handler that may use the kit (requireStepUp). */
export type AppRoute = (
  request: Request,
  kit: CentagateHandler,
  context: { emulator?: Emulator },
) => Promise<Response>

export interface CentagateKitViteOptions extends Partial<
  Omit<CentagateHandlerConfig, 'centagate' | 'cookieSecrets'>
> {
  /** CENTAGATE connection. Default: from `CENTAGATE_*` env vars, else the in-process emulator. */
  centagate?: CentagateHandlerConfig['centagate']
  /** Default: from env, else a random per-process secret (dev only). */
  cookieSecrets?: CentagateHandlerConfig['cookieSecrets']
  /** Options for the in-process emulator (fixtures, settings, now). */
  emulator?: EmulatorOptions
  /** Mount `/__emulator/*` when the emulator runs. Default true. */
  emulatorControlApi?: boolean
  /** The app's own API: path -> handler; `/api/transfer` matches exactly, `/api/transfers/*` by prefix. */
  appRoutes?: Record<string, AppRoute>
  /** Environment to read. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>
}

interface Mounted {
  kit: CentagateHandler
  emulator?: Emulator
}

async function mount(options: CentagateKitViteOptions): Promise<Mounted> {
  const env = options.env ?? process.env
  const {
    centagate: explicit,
    cookieSecrets,
    emulator: emulatorOptions,
    appRoutes: _routes,
    env: _env,
    emulatorControlApi: _control,
    ...rest
  } = options
  const fromEnv = env.CENTAGATE_BASE_URL ? configFromEnv(env) : undefined
  const secrets = cookieSecrets ??
    fromEnv?.cookieSecrets ?? [{ id: 'dev', secret: `dev-only-${randomId(32)}` }]
  if (explicit !== undefined || fromEnv !== undefined) {
    const kit = createCentagateHandler({
      ...fromEnv,
      ...rest,
      centagate: explicit ?? fromEnv!.centagate,
      cookieSecrets: secrets,
    })
    return { kit }
  }
  // No CENTAGATE configured: the emulator, in-process (optional peer dependency).
  const { createEmulator } = await import('@centagate-kit/emulator')
  const emulator = createEmulator(emulatorOptions ?? {})
  const kit = createCentagateHandler({
    admin: { username: 'admin', password: 'admin-password' },
    logger: consoleJsonLogger({ minLevel: 'warn' }),
    // One clock: when the device drawer advances the emulator's clock, the kit's timestamps,
    // cooldowns and lockouts move with it (otherwise CENTAGATE would answer 23023).
    now: () => emulator.clock.now(),
    ...rest,
    centagate: {
      baseUrl: 'http://centagate-emulator.internal',
      ...emulator.credentials,
      fetch: (url, init) => emulator.fetch(new Request(url, init)),
    },
    cookieSecrets: secrets,
  })
  return { kit, emulator }
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
  let mounted: Promise<Mounted> | undefined
  const ready = () => (mounted ??= mount(options))

  const middleware = (
    request: IncomingMessage,
    response: ServerResponse,
    next: (error?: unknown) => void,
  ) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname
    void (async () => {
      const { kit, emulator } = await ready()
      if (kit.handles(pathname)) return toNodeHandler(kit)(request, response, next)
      if (pathname.startsWith('/__emulator/')) {
        // Never fall through to the app's HTML: without the emulator (a real CENTAGATE, or the
        // control API switched off) the device simulators do not exist.
        if (emulator === undefined || options.emulatorControlApi === false) {
          response.statusCode = 404
          response.setHeader('content-type', 'application/json; charset=utf-8')
          response.end(JSON.stringify({ error: 'not_found' }))
          return
        }
        return writeWebResponse(
          await emulator.fetch(await toWebRequest(request, { maxBodyBytes: 1 << 20 })),
          response,
        )
      }
      const route = findAppRoute(options.appRoutes, pathname)
      if (route !== undefined) {
        return writeWebResponse(
          await route(
            await toWebRequest(request, { maxBodyBytes: 1 << 16 }),
            kit,
            emulator === undefined ? {} : { emulator },
          ),
          response,
        )
      }
      next()
    })().catch(next)
  }
  // Built at startup so that a bad configuration stops the server with every problem named.
  const install = async (server: ViteDevServer | PreviewServer) => {
    await ready()
    server.middlewares.use(middleware)
  }
  return {
    name: 'centagate-kit',
    configureServer: install,
    configurePreviewServer: install,
  }
}
