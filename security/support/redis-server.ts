/**
 * A private Redis for a suite: Debian's redis-server on a free loopback port, no persistence,
 * stopped by the suite. ioredis is resolved the way the server package resolves it (security/ is
 * not a workspace package).
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { createRedisStore } from '../../packages/server/src/rate-limit/redis-store'
import { closedPort } from './closed-port'

export type RedisClient = Parameters<typeof createRedisStore>[0]['redis']
type RedisConstructor = new (options: Record<string, unknown>) => RedisClient

const requireFromServer = createRequire(
  fileURLToPath(new URL('../../packages/server/package.json', import.meta.url)),
)
const { Redis } = requireFromServer('ioredis') as { Redis: RedisConstructor }

export const redisServerPath = '/usr/bin/redis-server'

export interface RedisInstance {
  readonly port: number
  /** A new, connected client; fail-fast as the server README recommends (no offline queue). */
  client(options?: Record<string, unknown>): Promise<RedisClient>
  /** Stops the server (SIGTERM, then waits for exit); clients stay (they now fail). */
  stop(): Promise<void>
  /** Stops the server if running and disconnects every client. */
  dispose(): Promise<void>
}

export async function startRedis(): Promise<RedisInstance> {
  const port = await closedPort()
  const child: ChildProcess = spawn(
    redisServerPath,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const deadline = Date.now() + 5_000
  while (!/Ready to accept connections/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL')
      throw new Error(`redis-server did not start: ${output.slice(-500)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  const clients: RedisClient[] = []
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM')
      await exited
    }
  }
  return {
    port,
    async client(options = {}) {
      const client = new Redis({
        host: '127.0.0.1',
        port,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        // Keep reconnect attempts quiet and slow once the server is gone.
        retryStrategy: () => 1_000,
        lazyConnect: false,
        ...options,
      })
      const events = client as unknown as {
        on(event: string, listener: () => void): void
        once(event: string, listener: () => void): void
      }
      events.on('error', () => undefined)
      clients.push(client)
      await new Promise<void>((resolve) => events.once('ready', resolve))
      return client
    },
    stop,
    async dispose() {
      await stop()
      for (const client of clients) (client as unknown as { disconnect(): void }).disconnect()
    },
  }
}
