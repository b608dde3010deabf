/** The server's Redis store entry point (`@centagate-kit/server/redis`), reached by path. */
export * from '../../packages/server/src/rate-limit/redis-store'
