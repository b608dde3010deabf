/** `@centagate-kit/server/node` (Node adapter and defaults), reached by path. */
export * from '../../packages/server/src/adapters/node'
