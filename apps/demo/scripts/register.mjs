// Lets Node load the demo's server code (vite.config.ts → server/*.ts → workspace packages) from
// TypeScript source with no build step: tsx for TypeScript, plus a resolve hook that picks the
// workspace packages' `@centagate-kit/source` export condition and maps `./x.node` (a source file
// named *.node.ts) to its .ts file.
import { register } from 'node:module'
import { register as registerTsx } from 'tsx/esm/api'

registerTsx()
register('./resolve-hook.mjs', import.meta.url)
