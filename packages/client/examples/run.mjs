#!/usr/bin/env node
// Runs an example straight from TypeScript sources on Node 20, no build step:
//   node packages/client/examples/run.mjs sms-step-up
// tsx compiles on the fly; the resolve hook adds the `@centagate-kit/source` condition (workspace
// packages resolve to src) and resolves extensionless "./x.node" source imports to "./x.node.ts".
import { register } from 'node:module'
import { register as registerTsx } from 'tsx/esm/api'

const sourceConditionHook = `
export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions ?? []
  const withSource = conditions.includes('@centagate-kit/source')
    ? context
    : { ...context, conditions: ['@centagate-kit/source', ...conditions] }
  try {
    return await nextResolve(specifier, withSource)
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && specifier.startsWith('.') && specifier.endsWith('.node')) {
      return nextResolve(specifier + '.ts', withSource)
    }
    throw error
  }
}
`
registerTsx()
register(`data:text/javascript,${encodeURIComponent(sourceConditionHook)}`, import.meta.url)

const name = process.argv[2] ?? 'sms-step-up'
if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`unknown example: ${name}`)
const example = await import(`./${name}.ts`)
// eslint-disable-next-line no-console -- an example prints its progress
await example.run((line) => console.log(line))
