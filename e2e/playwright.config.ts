/**
 * The e2e journeys: the demo's production build served by `vite preview` (the same server wiring
 * as `pnpm dev`, with the built-in emulator) on a fixed free port, driven in Debian's Chromium.
 * The server runs with canary secrets so the network check can prove none reaches the browser.
 */
import { defineConfig } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from '../scripts/chromium.mjs'
import { canary } from './support/canary'

const port = Number(process.env.E2E_PORT ?? 4179)
export const baseURL = `http://127.0.0.1:${port}`

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // One demo server holds the emulator's state: journeys run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  // Reporters come from the CLI (`--reporter=line,json` in `pnpm test`); this is the default.
  reporter: process.env.CI ? 'line' : 'list',
  outputDir: '../test-results/e2e',
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'Asia/Kuala_Lumpur',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'pnpm --filter demo build && pnpm --filter demo preview',
    cwd: '..',
    url: `${baseURL}/api/bank/config`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      // No CENTAGATE_BASE_URL: the built-in emulator runs, with these app credentials.
      CENTAGATE_EMULATOR_INTEGRATION_KEY: canary.integrationKey,
      CENTAGATE_EMULATOR_SECRET_KEY: canary.secretKey,
      CENTAGATE_COOKIE_SECRET: canary.cookieSecret,
      CENTAGATE_RECEIPT_SECRET: canary.receiptSecret,
    },
  },
})
