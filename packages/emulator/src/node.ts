/**
 * `@centagate-kit/emulator/node`: the emulator on node:http. Implements the socket-level faults a
 * fetch handler cannot express: `drop` destroys the socket, `hang` never answers (until close).
 */
import { type IncomingMessage, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Emulator, type EmulatorOptions, createEmulator } from './emulator'
import { EmulatorConnectionDropped } from './faults'

export interface EmulatorServerOptions extends EmulatorOptions {
  /** Default 0 (a free port). */
  port?: number
  /** Default 127.0.0.1 (loopback only). */
  host?: string
  /** Largest accepted request body in bytes; default 1 MiB (larger: connection closed, 413). */
  maxBodyBytes?: number
}

export interface EmulatorServer {
  /** Base URL, e.g. `http://127.0.0.1:43127`. */
  readonly url: string
  readonly port: number
  readonly emulator: Emulator
  /** Stops listening and ends every open connection (including hanging ones). */
  close(): Promise<void>
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > limit) return null
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

/**
 * Starts the emulator on node:http.
 * @example const server = await startEmulatorServer({ port: 0 }); ...; await server.close()
 */
export async function startEmulatorServer(
  options: EmulatorServerOptions = {},
): Promise<EmulatorServer> {
  const { port = 0, host = '127.0.0.1', maxBodyBytes = 1024 * 1024, ...emulatorOptions } = options
  const emulator = createEmulator(emulatorOptions)
  let origin = ''
  const server = createServer((req, res) => {
    const controller = new AbortController()
    // The client went away: abort the handler (frees a hanging request).
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('client closed the connection'))
    })
    void (async () => {
      const body = await readBody(req, maxBodyBytes)
      if (body === null) {
        res.writeHead(413, { connection: 'close' }).end()
        return
      }
      try {
        // Plain data in and out: Web Request/Response objects would cost more than the emulator.
        const reply = await emulator.respond({
          method: req.method ?? 'GET',
          url: `${origin}${req.url ?? '/'}`,
          bodyText: body.toString('utf8'),
          signal: controller.signal,
        })
        res.writeHead(reply.status, reply.headers)
        res.end(reply.body ?? undefined)
      } catch (error) {
        if (error instanceof EmulatorConnectionDropped || controller.signal.aborted) {
          req.socket.destroy()
          return
        }
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
        res.end('Internal emulator error')
      }
    })().catch(() => req.socket.destroy())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  origin = `http://${urlHost}:${address.port}`
  return {
    url: origin,
    port: address.port,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        emulator.close()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
