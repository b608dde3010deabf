/**
 * For tests that load Express. The root Vitest config forwards its resolve conditions to the worker's Node
 * (`--conditions import ...`), so a CommonJS `require('is-promise')` inside Express's router
 * resolves to the package's ESM entry and gets a namespace object instead of the function
 * ("isPromise is not a function"). Seeding the require cache with the CommonJS build fixes the
 * test process only; production Node is unaffected. Import this before importing Express.
 */
import { createRequire } from 'node:module'
import Module from 'node:module'

const requireHere = createRequire(import.meta.url)
const routerRequire = createRequire(requireHere.resolve('express'))
const layerRequire = createRequire(routerRequire.resolve('router'))
const esmEntry = layerRequire.resolve('is-promise')
if (esmEntry.endsWith('.mjs')) {
  const cjs = layerRequire(esmEntry.replace(/index\.mjs$/, 'index.js')) as unknown
  const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache
  cache[esmEntry] = {
    id: esmEntry,
    filename: esmEntry,
    loaded: true,
    exports: cjs,
    children: [],
    paths: [],
  }
}
