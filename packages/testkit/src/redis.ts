/**
 * Debian's redis-server on a free loopback port, no persistence, stopped by the test.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { Redis } from 'ioredis'
import { freeLoopbackPort } from './free-port'

export async function startRedis() {
  const port = await freeLoopbackPort()
  const child: ChildProcess = spawn(
    '/usr/bin/redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 })
  probe.on('error', () => undefined)
  for (let attempt = 0; ; attempt++) {
    try {
      await probe.connect()
      await probe.ping()
      break
    } catch {
      if (attempt > 50) throw new Error('redis-server did not start')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  probe.disconnect()
  const clients: Redis[] = []
  return {
    port,
    /** A fail-fast client: no offline queue, no retries per request; reconnects every `retryDelayMs`. */
    client: ({ retryDelayMs = 200 }: { retryDelayMs?: number } = {}) => {
      const redis = new Redis({
        port,
        host: '127.0.0.1',
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        retryStrategy: () => retryDelayMs,
      })
      redis.on('error', () => undefined)
      clients.push(redis)
      return redis
    },
    /** Waits until every client is connected. */
    ready: async () => {
      await Promise.all(
        clients.map((redis) =>
          redis.status === 'ready'
            ? undefined
            : new Promise((resolve) => redis.once('ready', resolve)),
        ),
      )
    },
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
    close: async () => {
      for (const redis of clients) redis.disconnect()
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
    },
  }
}
