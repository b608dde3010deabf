// `pnpm test:visual`: builds the static Storybook (unless VISUAL_SKIP_BUILD=1, which `pnpm test`
// sets because it has just built it), then compares every story with visual/baselines/.
// `pnpm test:visual --update` rewrites every baseline (a change of look made on purpose).
// `pnpm test:visual --new` only adds what is missing: it pictures the stories that have no
// baseline yet (new components, new stories), deletes the baselines of stories that no longer
// exist, leaves every other baseline alone, and lists what it wrote for review.
// Other arguments go to Playwright (e.g. only some stories: `pnpm test:visual -g StepUp`).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'

const args = process.argv.slice(2)
const update = args.includes('--update')
const onlyNew = args.includes('--new')
const rest = args.filter((arg) => arg !== '--update' && arg !== '--new')
const baselinesDir = 'visual/baselines'

if (process.env.VISUAL_SKIP_BUILD !== '1') {
  const build = spawnSync('pnpm', ['build-storybook'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

/** Story ids of the static Storybook just built, and the ids that have a baseline folder. */
function storiesAndBaselines() {
  const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8'))
  const stories = Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map((entry) => entry.id)
  const baselines = existsSync(baselinesDir) ? readdirSync(baselinesDir) : []
  return { stories, baselines }
}

const env = { ...process.env }
if (onlyNew) {
  const { stories, baselines } = storiesAndBaselines()
  for (const stale of baselines.filter((id) => !stories.includes(id))) {
    rmSync(path.join(baselinesDir, stale), { recursive: true, force: true })
    console.log(`removed the baselines of a story that no longer exists: ${stale}`)
  }
  const missing = stories.filter((id) => !baselines.includes(id))
  if (missing.length === 0) {
    console.log('every story has its baselines: nothing to add')
    process.exit(0)
  }
  console.log(`pictures for ${missing.length} new stories:\n  ${missing.join('\n  ')}`)
  // stories.spec.ts makes tests for these story ids only.
  env.VISUAL_STORIES = missing.join(',')
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
    ...(update || onlyNew ? ['--update-snapshots=all'] : []),
    ...rest,
  ],
  { stdio: 'inherit', env },
)
if (onlyNew && result.status === 0) {
  console.log(
    `\nnew baselines, to look at before committing:\n  ${env.VISUAL_STORIES.split(',')
      .map((id) => `${baselinesDir}/${id}/`)
      .join('\n  ')}\nthen: git add ${baselinesDir} && git commit`,
  )
}
process.exit(result.status ?? 1)
