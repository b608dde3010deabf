/**
 * Mounts the demo server (kit handler, bank API, emulator control API) in Vite's dev server and in
 * `vite preview`, so `pnpm dev` and the production build are served by the same code.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Connect, Plugin } from 'vite'
import { type DemoServer, createDemoServer } from './centagate'

const maxBodyBytes = 64 * 1024

async function toRequest(req: IncomingMessage): Promise<Request> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  let body: ArrayBuffer | undefined
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > maxBodyBytes) throw new Error('request body too large')
      chunks.push(chunk)
    }
    const joined = Buffer.concat(chunks)
    body = joined.buffer.slice(
      joined.byteOffset,
      joined.byteOffset + joined.byteLength,
    ) as ArrayBuffer
  }
  return new Request(url, { method: req.method ?? 'GET', headers, ...(body ? { body } : {}) })
}

async function sendResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  res.end(Buffer.from(await response.arrayBuffer()))
}

function middleware(server: Promise<DemoServer>): Connect.NextHandleFunction {
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const ours =
      path.startsWith('/api/centagate/') ||
      path.startsWith('/api/bank/') ||
      path.startsWith('/__emulator/')
    if (!ours) return next()
    void (async () => {
      const demo = await server
      const request = await toRequest(req)
      let response: Response | null = null
      if (demo.kit.handles(path)) {
        response = await demo.kit(request, { clientAddress: req.socket.remoteAddress ?? '' })
      } else if (path.startsWith('/api/bank/')) {
        response = await demo.bankApi(request)
      } else if (demo.emulator) {
        response = await demo.emulator.fetch(request)
      }
      if (!response) return next()
      await sendResponse(response, res)
    })().catch((error: unknown) => {
      console.error('demo server error', error instanceof Error ? error.message : error)
      if (!res.headersSent) {
        res.statusCode = 500
        res.setHeader('content-type', 'application/json')
      }
      res.end('{"error":{"code":"internal_error"}}')
    })
  }
}

export function demoServerPlugin(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Plugin {
  let server: Promise<DemoServer> | undefined
  const get = () => (server ??= createDemoServer(env))
  return {
    name: 'centagate-demo-server',
    configureServer(vite) {
      vite.middlewares.use(middleware(get()))
    },
    configurePreviewServer(preview) {
      preview.middlewares.use(middleware(get()))
    },
  }
}
