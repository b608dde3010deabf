/**
 * Bundles bench/server/servers.ts (and the kit source it imports) with esbuild into one plain
 * JavaScript file next to it, the way an app builds its server for production: platform node,
 * the kit's `@centagate-kit/source` + `node` conditions, dependencies inlined, no minification.
 * Measuring through a TypeScript loader instead would charge the kit for the loader's per-closure
 * `__name` bookkeeping (seen in the profile), which no deployed server pays.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = path.dirname(fileURLToPath(import.meta.url))

/**
 * Bundles `bench/server/<name>.ts` to `<name>.bundle.mjs` beside it (so its
 * `import.meta.url`-relative paths hold) and returns the bundle's path.
 */
export async function bundleBenchScript(name: 'servers' | 'kit-in-process'): Promise<string> {
  const outfile = path.join(here, `${name}.bundle.mjs`)
  await build({
    entryPoints: [path.join(here, `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // For the CPU profile: frames are mapped back to the kit's source files.
    sourcemap: true,
    conditions: ['@centagate-kit/source', 'node'],
    // undici is CommonJS: give its requires of node builtins a real `require` in the ESM bundle.
    banner: {
      js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);",
    },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  })
  return outfile
}

export const bundleServers = () => bundleBenchScript('servers')
