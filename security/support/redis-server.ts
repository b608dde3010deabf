/**
 * A private Redis for a suite: the testkit's launcher (Debian's redis-server on a free
 * loopback port, no persistence), with clients that are connected when handed out.
 */
import type { createRedisStore } from '@centagate-kit/server/redis'
import { startRedis as startRedisProcess } from '@centagate-kit/testkit/redis'

export type RedisClient = Parameters<typeof createRedisStore>[0]['redis']

export interface RedisInstance {
  readonly port: number
  /** A new, connected client; fail-fast as the server README recommends (no offline queue). */
  client(): Promise<RedisClient>
  /** Stops the server (SIGTERM, then waits for exit); clients stay (they now fail). */
  stop(): Promise<void>
  /** Stops the server if running and disconnects every client. */
  dispose(): Promise<void>
}

export async function startRedis(): Promise<RedisInstance> {
  const redis = await startRedisProcess()
  return {
    port: redis.port,
    async client() {
      // Keep reconnect attempts quiet and slow once the server is gone.
      const client = redis.client({ retryDelayMs: 1_000 })
      if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve))
      return client
    },
    stop: redis.stop,
    dispose: redis.close,
  }
}
