// Node module resolve hook (see register.mjs).
const sourceCondition = '@centagate-kit/source'

export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions.includes(sourceCondition)
    ? context.conditions
    : [sourceCondition, ...context.conditions]
  try {
    return await nextResolve(specifier, { ...context, conditions })
  } catch (error) {
    // `./node-crypto-engine.node` means the TypeScript file `node-crypto-engine.node.ts`.
    if (specifier.startsWith('.') && specifier.endsWith('.node')) {
      return nextResolve(`${specifier}.ts`, { ...context, conditions })
    }
    throw error
  }
}
