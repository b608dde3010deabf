#!/usr/bin/env node
// Runs the emulator CLI straight from its TypeScript sources on Node 20, with no build step:
// tsx compiles TypeScript on the fly, and a resolve hook adds the `@centagate-kit/source`
// export condition so that workspace packages (@centagate-kit/protocol) resolve to their src.
import { register } from 'node:module'
import { register as registerTsx } from 'tsx/esm/api'

// Registered after tsx, so it runs first (Node runs the last registered hook first).
const sourceConditionHook = `
export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions ?? []
  const withSource = conditions.includes('@centagate-kit/source')
    ? context
    : { ...context, conditions: ['@centagate-kit/source', ...conditions] }
  try {
    return await nextResolve(specifier, withSource)
  } catch (error) {
    // Extensionless source imports whose name ends like a Node extension ("./engine.node"):
    // tsx does not append ".ts" to those, so try it here.
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && specifier.startsWith('.') && specifier.endsWith('.node')) {
      return nextResolve(specifier + '.ts', withSource)
    }
    throw error
  }
}
`
registerTsx()
register(`data:text/javascript,${encodeURIComponent(sourceConditionHook)}`, import.meta.url)

const { main } = await import('../src/cli.ts')
await main(process.argv.slice(2))
