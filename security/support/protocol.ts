/**
 * The protocol package, as the suites see it. `security/` and `load/` are not workspace packages
 * (the root only links the emulator), so they reach the packages' public entry files by path;
 * the packages themselves resolve each other as usual.
 */
export * from '../../packages/protocol/src/index'
