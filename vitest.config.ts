import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { chromiumLaunchOptions } from './scripts/chromium.mjs'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Workspace packages are consumed from source through this export condition: no build step for
// tests, Storybook or the demo.
const sourceCondition = '@centagate-kit/source'
const resolve = {
  conditions: [sourceCondition, 'browser', 'module', 'import', 'default'],
}
const nodeResolve = { conditions: [sourceCondition, 'node', 'module', 'import', 'default'] }

// A fresh object per project: Vitest names the instances in place.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunchOptions }),
  instances: [{ browser: 'chromium' as const }],
})

export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/vitest.json' },
    projects: [
      {
        resolve: nodeResolve,
        ssr: {
          resolve: { conditions: nodeResolve.conditions, externalConditions: [sourceCondition] },
        },
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/test/**/*.test.ts',
            'apps/*/server/**/*.test.ts',
            'security/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          exclude: ['**/*.browser.test.*', '**/node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        resolve,
        test: {
          name: 'browser',
          include: [
            'packages/*/src/**/*.browser.test.{ts,tsx}',
            'packages/*/test/**/*.browser.test.{ts,tsx}',
          ],
          browser: browser(),
        },
      },
      {
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        resolve,
        test: { name: 'storybook', browser: browser() },
      },
    ],
  },
})
