// `pnpm test`: every check and every test suite, in order, then one closing line
// "N passed, N failed" summed over the suites' JSON reports. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

const reportsDir = 'reports'
rmSync(reportsDir, { recursive: true, force: true })
mkdirSync(reportsDir, { recursive: true })

const env = { ...process.env, CI: process.env.CI ?? 'true', STORYBOOK_DISABLE_TELEMETRY: '1' }
let passed = 0
let failed = 0
const problems = []

function run(title, command, args, extraEnv = {}) {
  const started = Date.now()
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const ok = result.status === 0
  console.log(`=== ${title}: ${ok ? 'ok' : `FAILED (exit ${result.status})`} in ${seconds} s`)
  if (!ok) problems.push(title)
  return ok
}

function countVitest(file) {
  if (!existsSync(file)) return
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests ?? 0
  failed += report.numFailedTests ?? 0
}

function countPlaywright(file) {
  if (!existsSync(file)) return
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.stats?.expected ?? 0
  failed += (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0)
}

function countConsumers(file) {
  if (!existsSync(file)) return
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.passed ?? 0
  failed += report.failed ?? 0
}

run('lint', 'pnpm', ['lint'])
run('typecheck', 'pnpm', ['typecheck'])
run('vitest (unit, browser, storybook)', 'pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reportsDir}/vitest.json`,
])
countVitest(`${reportsDir}/vitest.json`)

// The static Storybook is a shipped artefact too: build it so the e2e secret scan covers it.
const storybookBuilt =
  existsSync('.storybook/main.ts') && run('storybook static build', 'pnpm', ['build-storybook'])

// Every story against its committed pictures (visual/baselines), on the Storybook just built.
if (storybookBuilt && existsSync('visual/playwright.config.ts')) {
  run('visual regression (Playwright)', 'node', ['scripts/run-visual.mjs'], {
    VISUAL_SKIP_BUILD: '1',
    PLAYWRIGHT_JSON_OUTPUT_NAME: path.resolve(reportsDir, 'visual.json'),
  })
  countPlaywright(`${reportsDir}/visual.json`)
}

if (existsSync('e2e/playwright.config.ts')) {
  run('e2e (Playwright)', 'node', ['scripts/run-e2e.mjs'], {
    // Absolute: Playwright resolves a relative name against its config's folder (e2e/).
    PLAYWRIGHT_JSON_OUTPUT_NAME: path.resolve(reportsDir, 'e2e.json'),
  })
  countPlaywright(`${reportsDir}/e2e.json`)
}

// Last: the packages as users install them (pack, package lint, npm-installed fixture apps, bundle
// budgets). It builds dist/ and packs into .packs/; nothing above needs either.
run('consumers (packed packages)', 'pnpm', ['test:consumers'])
countConsumers(`${reportsDir}/consumers.json`)

if (problems.length > 0) console.log(`\nfailed steps: ${problems.join(', ')}`)
// A failing step that is not a test (lint, typecheck) still counts as a failure in the closing line.
const stepFailures = problems.length > 0 && failed === 0 ? problems.length : 0
console.log(`\n${passed} passed, ${failed + stepFailures} failed`)
process.exit(problems.length > 0 ? 1 : 0)
