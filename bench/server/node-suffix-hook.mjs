// Resolve hook for the benchmark's child processes (registered after tsx, so it runs first).
// protocol/signing imports './node-crypto-engine.node' (a file named node-crypto-engine.node.ts):
// bundlers and Vitest add the `.ts` extension, but Node + tsx treat `.node` as a native-addon
// extension and fail with ERR_MODULE_NOT_FOUND. Retry such relative specifiers with `.ts`.
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context)
  } catch (error) {
    if (specifier.startsWith('.') && specifier.endsWith('.node')) {
      return nextResolve(`${specifier}.ts`, context)
    }
    throw error
  }
}
