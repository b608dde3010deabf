/**
 * Mounts the demo server in Vite's dev server and in `vite preview` (so `pnpm dev` and the
 * production build are served by the same code), with the kit's Node bridge:
 * `toNodeHandler(kit)` for /api/centagate/*, `toWebRequest`/`writeWebResponse` for the bank API
 * and, when the emulator runs, its /__emulator/* control API.
 *
 * Why not the kit's own `centagateKit()` Vite plugin: it cannot share the emulator's controllable
 * clock with the kit handler, and its app routes are exact paths (see README).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { toNodeHandler, toWebRequest, writeWebResponse } from '@centagate-kit/server/node'
import type { Plugin } from 'vite'
import { type DemoServer, createDemoServer } from './centagate'

type Env = Readonly<Record<string, string | undefined>>
type Next = (error?: unknown) => void

function middleware(server: () => Promise<DemoServer>) {
  return (request: IncomingMessage, response: ServerResponse, next: Next) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname
    const bank = pathname.startsWith('/api/bank/')
    const control = pathname.startsWith('/__emulator/')
    if (!bank && !control && !pathname.startsWith('/api/')) return next()
    void (async () => {
      const demo = await server()
      if (demo.kit.handles(pathname)) return toNodeHandler(demo.kit)(request, response, next)
      const emulator = demo.emulator
      const handle = bank
        ? demo.bankApi
        : control && emulator
          ? (webRequest: Request) => emulator.fetch(webRequest)
          : undefined
      // Without the emulator (a real CENTAGATE) there is no control API.
      if (!handle)
        return control
          ? void writeWebResponse(new Response(null, { status: 404 }), response)
          : next()
      const answer = await handle(await toWebRequest(request, { maxBodyBytes: 64 * 1024 }))
      if (!answer) return next()
      await writeWebResponse(answer, response)
    })().catch(next)
  }
}

export function demoServerPlugin(env: Env = process.env): Plugin {
  let server: Promise<DemoServer> | undefined
  const get = () => (server ??= createDemoServer(env))
  return {
    name: 'centagate-demo-server',
    // Created at startup, so a bad configuration stops the server with every problem named.
    async configureServer(vite) {
      await get()
      vite.middlewares.use(middleware(get))
    },
    async configurePreviewServer(preview) {
      await get()
      preview.middlewares.use(middleware(get))
    },
  }
}
