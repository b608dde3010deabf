// `pnpm test:visual`: builds the static Storybook (unless VISUAL_SKIP_BUILD=1, which `pnpm test`
// sets because it has just built it), then compares every story with visual/baselines/.
// `pnpm test:visual --update` rewrites the baselines (a change of look made on purpose); other
// arguments go to Playwright (e.g. only some stories: `pnpm test:visual -g StepUp`).
import { spawnSync } from 'node:child_process'

const args = process.argv.slice(2)
const update = args.includes('--update')
const rest = args.filter((arg) => arg !== '--update')

if (process.env.VISUAL_SKIP_BUILD !== '1') {
  const build = spawnSync('pnpm', ['build-storybook'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}
const reporter = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? ['--reporter=line,json'] : []
const result = spawnSync(
  'pnpm',
  [
    'exec',
    'playwright',
    'test',
    '--config',
    'visual/playwright.config.ts',
    ...reporter,
    ...(update ? ['--update-snapshots=all'] : []),
    ...rest,
  ],
  { stdio: 'inherit' },
)
process.exit(result.status ?? 1)
