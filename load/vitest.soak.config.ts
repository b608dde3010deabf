// `pnpm test:soak`: the 10-minute soak alone (not part of `pnpm test`). Same source-condition
// resolution as the root `unit` project, so the packages run from their TypeScript sources.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const conditions = ['@centagate-kit/source', 'node', 'module', 'import', 'default']

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@centagate-kit/source'] } },
  test: {
    name: 'soak',
    environment: 'node',
    include: ['load/**/*.soak.test.ts'],
    testTimeout: 20 * 60_000,
    hookTimeout: 120_000,
    // A forced collection before each memory sample makes the RSS figures comparable.
    execArgv: ['--expose-gc'],
  },
})
