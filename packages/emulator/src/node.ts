/**
 * `@centagate-kit/emulator/node`: the emulator on node:http. Implements the socket-level faults a
 * fetch handler cannot express: `drop` destroys the socket, `hang` never answers (until close).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Emulator, type EmulatorOptions, createEmulator } from './emulator'
import { createEmulatorListener } from './node-listener'

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
  const server = createServer(
    createEmulatorListener(emulator, { maxBodyBytes, origin: () => origin }),
  )
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
