/** The server package's public entry points, reached by path (see ./protocol.ts). */
export * from '../../packages/server/src/index'
