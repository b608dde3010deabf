/** The signing subpath (node:crypto build), reached by path like {@link ./protocol}. */
export * from '../../packages/protocol/src/signing/index.node'
