// Lets Node 20 run workspace TypeScript straight from source, with no build step: tsx compiles
// TypeScript on the fly, and a resolve hook adds the `@centagate-kit/source` export condition so
// that @centagate-kit/* packages resolve to their src. Import it first:
//   import '@centagate-kit/emulator/register-source'
import { register } from 'node:module'
import { register as registerTsx } from 'tsx/esm/api'

const sourceConditionHook = `
export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions ?? []
  return nextResolve(
    specifier,
    conditions.includes('@centagate-kit/source')
      ? context
      : { ...context, conditions: ['@centagate-kit/source', ...conditions] },
  )
}
`
registerTsx()
// Registered after tsx, so it runs first (Node runs the last registered hook first).
register(`data:text/javascript,${encodeURIComponent(sourceConditionHook)}`, import.meta.url)
