// Lets Node 20 run the workspace's TypeScript straight from source (repository only: the bin
// imports this when src/ exists): tsx compiles TypeScript on the fly, and a resolve hook adds the
// `@centagate-kit/source` export condition so that @centagate-kit/* packages (and `#` imports)
// resolve to their src. The emulator's bin has the same two hooks; the server never imports the
// emulator, so it keeps its own.
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
