// `pnpm test:e2e`: the Playwright journeys through the demo in Debian Chromium.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

if (!existsSync('e2e/playwright.config.ts')) {
  console.log('e2e: no journeys yet (e2e/playwright.config.ts is added with the demo)')
  process.exit(0)
}
const reporter = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? ['--reporter=line,json'] : []
const result = spawnSync(
  'pnpm',
  [
    'exec',
    'playwright',
    'test',
    '--config',
    'e2e/playwright.config.ts',
    ...reporter,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
)
process.exit(result.status ?? 1)
