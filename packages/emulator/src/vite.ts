/**
 * `@centagate-kit/emulator/vite`: a Vite plugin that runs the emulator in the dev (and preview)
 * server's process and mounts its `/__emulator/*` control API (the demo's device drawer). The kit
 * server is wired to it from this side: `upstream()` gives the kit plugin its CENTAGATE config,
 * clock and admin account, so the server package never imports the emulator.
 *
 * @example
 * // vite.config.ts
 * const emulator = centagateEmulator()
 * plugins: [react(), emulator, centagateKit({ ...emulator.upstream(), identify, getTransaction })]
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { requestUrl } from '@centagate-kit/protocol'
import type { Plugin, PreviewServer, ViteDevServer } from 'vite'
import { type Emulator, type EmulatorOptions, createEmulator } from './emulator'
import { createEmulatorListener } from './node-listener'
import { type EmulatorUpstream, emulatorUpstream } from './upstream'

const controlPrefix = '/__emulator'

export interface CentagateEmulatorPluginOptions extends EmulatorOptions {
  /** What the kit signs against (never resolved). Default `http://centagate-emulator.internal`. */
  baseUrl?: string
  /** Largest control request body in bytes. Default 1 MiB. */
  maxBodyBytes?: number
}

export interface CentagateEmulatorPlugin extends Plugin {
  /** The emulator this plugin runs (one per plugin, created with it). */
  readonly emulator: Emulator
  /** The kit's settings for this emulator: `centagate`, `now` and `admin` (see `emulatorUpstream`). */
  upstream(): EmulatorUpstream
}

/**
 * Creates the emulator now and returns the plugin that serves its control API under
 * `/__emulator/*` in `vite dev` and `vite preview` (with `controlApi: false`, a 404 there, never
 * the app's HTML). CENTAGATE paths are not served over HTTP: the kit reaches the emulator
 * in-process through `upstream().centagate.fetch`.
 */
export function centagateEmulator(
  options: CentagateEmulatorPluginOptions = {},
): CentagateEmulatorPlugin {
  const { baseUrl, maxBodyBytes = 1 << 20, ...emulatorOptions } = options
  const emulator = createEmulator(emulatorOptions)
  const listener = createEmulatorListener(emulator, { maxBodyBytes })
  const isControl = (request: IncomingMessage) => {
    const pathname = (request.url ?? '/').split('?')[0] ?? '/'
    return pathname === controlPrefix || pathname.startsWith(`${controlPrefix}/`)
  }
  const install = (server: ViteDevServer | PreviewServer) => {
    // Vite's host check (its DNS-rebinding defence) runs before any plugin middleware and answers
    // a Host it does not allow with a text 403: a malformed Host (`x@y`) on the control paths gets
    // the listener's typed 400 first. Malformed ones only: a well-formed Host Vite does not allow
    // still meets its 403 (a rebound DNS name must never reach the control API).
    server.middlewares.stack.unshift({
      route: '',
      handle: (request: IncomingMessage, response: ServerResponse, next: () => void) => {
        if (isControl(request) && requestUrl('http', request.headers.host, '/') === null) {
          return listener(request, response)
        }
        next()
      },
    })
    server.middlewares.use((request, response, next) => {
      if (isControl(request)) return listener(request, response)
      next()
    })
    // The emulator fails requests it holds on purpose (`hang` faults) so the server can stop.
    server.httpServer?.once('close', () => emulator.close())
  }
  return {
    name: 'centagate-emulator',
    configureServer: install,
    configurePreviewServer: install,
    emulator,
    upstream: () => emulatorUpstream(emulator, baseUrl === undefined ? {} : { baseUrl }),
  }
}
