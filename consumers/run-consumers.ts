/**
 * `pnpm test:consumers` (also run by `pnpm test`): the kit as users install it.
 *
 * 1. Builds and packs every publishable package (scripts/packaging/pack-packages.ts).
 * 2. Lints every tarball: no test code, publint strict, attw esm-only.
 * 3. Installs the fixture apps of this folder with npm from those tarballs, outside the repository
 *    (never workspace links): vite-react on React 19.3, and again on the lowest versions the react
 *    package's peer ranges claim (React 19.0.0, react-query 5.80.0), node-server, express-server,
 *    vite-dev (the emulator's and the kit's Vite plugins) and next-app.
 * 4. Type-checks each strictly (skipLibCheck false) and builds it (vite build, tsc, next build).
 * 5. Measures the bundle budgets on the installed packages.
 * 6. Drives them: Chromium through each built Vite page against the node server and the installed
 *    emulator bin; the Express, Vite dev and Next servers over HTTP; the server's `centagate-kit
 *    doctor` bin against the emulator bin in `--tenant-orders vendor-samples` mode, its printed
 *    signedOrder then given to node-server.
 *
 * Writes reports/consumers.json and ends with "N passed, N failed". CONSUMERS_NEXT=0 leaves the
 * Next.js fixture out (it is the slowest to install and build).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { lintTarball } from '../scripts/packaging/lint-packages'
import { describeTarball, packPackages, type Tarball } from '../scripts/packaging/pack-packages'
import { repoRoot } from '../scripts/packaging/publishable-packages'
import { browserJourney } from './checks/browser-journey'
import { doctorDrive } from './checks/doctor-drive'
import { bundleBudgets } from './checks/bundle-budgets'
import { expressDrive } from './checks/express-drive'
import { nextDrive } from './checks/next-drive'
import { viteDevDrive } from './checks/vite-dev-drive'
import { type InstalledFixture, installFixture } from './support/fixtures'
import { installBrowserKit, serverKitPackages } from './support/installed-kit'

interface CheckResult {
  name: string
  ok: boolean
  seconds: number
  detail: string
}

const results: CheckResult[] = []
const suiteStarted = Date.now()
const withNext = process.env.CONSUMERS_NEXT !== '0'

/** Runs one named check; a failure is recorded (with its message) and the suite goes on. */
async function check<T>(
  name: string,
  body: () => Promise<T>,
  describe: (value: T) => string = () => '',
): Promise<T | undefined> {
  const started = Date.now()
  try {
    const value = await body()
    const result = {
      name,
      ok: true,
      seconds: (Date.now() - started) / 1000,
      detail: describe(value),
    }
    results.push(result)
    console.log(
      `ok   ${name} (${result.seconds.toFixed(1)} s)${result.detail ? ` — ${result.detail}` : ''}`,
    )
    return value
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    results.push({ name, ok: false, seconds: (Date.now() - started) / 1000, detail })
    console.log(`FAIL ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n${detail}`)
    return undefined
  }
}

/** gzip sizes of a built app's JS and CSS (what its users download). */
function appBundleSizes(distDir: string): string {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(js|css)$/.test(entry.name)) files.push(full)
    }
  }
  walk(distDir)
  const sum = (pattern: RegExp) =>
    files
      .filter((file) => pattern.test(file))
      .reduce((total, file) => total + gzipSync(readFileSync(file), { level: 9 }).length, 0)
  return `${(sum(/\.js$/) / 1024).toFixed(1)} KB gzip JS, ${(sum(/\.css$/) / 1024).toFixed(1)} KB gzip CSS (React included)`
}

// 1-2. Tarballs and package lint ------------------------------------------------------------------
const tarballs =
  (await check(
    'build and pack the packages',
    async () => packPackages(),
    (list) => `${list.length} tarballs`,
  )) ?? []
for (const tarball of tarballs) console.log(`     ${describeTarball(tarball)}`)
for (const tarball of tarballs) {
  await check(`package lint ${tarball.name} (test code, publint, attw esm-only)`, async () => {
    const problems = await lintTarball(tarball)
    if (problems.length > 0) throw new Error(problems.join('\n'))
  })
}

// 3. Installs (in parallel: mostly network and disk) -------------------------------------------
// The lowest versions the react package's peer ranges claim (react ^19.0.0, react-query ^5.80.0).
// React 18 is not claimed: the kit renders contexts as providers (`<Context value>`), a React 19
// feature (on 18.3 the page dies at the first render with "i is not a function").
const lowestPeers = [
  'react@19.0.0',
  'react-dom@19.0.0',
  '@types/react@19.0.9',
  '@types/react-dom@19.0.6',
  '@tanstack/react-query@5.80.0',
]
const install = (name: string, body: () => Promise<InstalledFixture>) =>
  tarballs.length === 0
    ? Promise.resolve(undefined)
    : check(`npm install ${name} from the tarballs`, body)
const [page, pageLowest, nodeServer, expressServer, viteDev, nextApp] = await Promise.all([
  install('vite-react (React 19)', () => installBrowserKit(tarballs)),
  install('vite-react on the lowest claimed peers (React 19.0.0, react-query 5.80.0)', () =>
    installBrowserKit(tarballs, lowestPeers, 'vite-react-lowest-peers'),
  ),
  install('node-server', () => installFixture('node-server', tarballs, serverKitPackages)),
  install('express-server', () => installFixture('express-server', tarballs, serverKitPackages)),
  install('vite-dev', () => installFixture('vite-dev', tarballs, serverKitPackages)),
  withNext
    ? install('next-app', () =>
        installFixture('next-app', tarballs, ['@centagate-kit/protocol', '@centagate-kit/server']),
      )
    : Promise.resolve(undefined),
])

// 4. Strict type-check and build ----------------------------------------------------------------
const built = new Set<InstalledFixture>()
for (const fixture of [page, pageLowest, nodeServer, expressServer, viteDev, nextApp]) {
  if (!fixture) continue
  const typed = await check(`typecheck ${fixture.name} (strict, skipLibCheck false)`, () =>
    fixture.npmRun('typecheck'),
  )
  const build = await check(
    `build ${fixture.name}`,
    () => fixture.npmRun('build', { NEXT_TELEMETRY_DISABLED: '1' }),
    () =>
      fixture.name.startsWith('vite-react') ? appBundleSizes(path.join(fixture.dir, 'dist')) : '',
  )
  if (typed !== undefined && build !== undefined) built.add(fixture)
}

// 5. Budgets, from the installed packages -------------------------------------------------------
if (page) {
  const budgets = await check(
    'measure bundles from the installed packages',
    () => bundleBudgets(page.dir),
    (list) => `${list.length} figures`,
  )
  for (const budget of budgets ?? []) {
    await check(
      budget.name,
      async () => {
        if (!budget.ok) throw new Error(budget.detail)
        return budget.detail
      },
      (detail) => detail,
    )
  }
}

// 6. Journeys -------------------------------------------------------------------------------------
const ready = (fixture: InstalledFixture | undefined): fixture is InstalledFixture =>
  fixture !== undefined && built.has(fixture)
if (ready(nodeServer)) {
  for (const app of [page, pageLowest]) {
    if (ready(app))
      await check(
        `Chromium journey through ${app.name} + node-server + emulator bin`,
        () => browserJourney(app, nodeServer),
        (text) => text,
      )
  }
}
if (ready(nodeServer))
  await check(
    'centagate-kit doctor from the server tarball (npm exec, plain node) + node-server with its signedOrder',
    () => doctorDrive(nodeServer),
    (text) => text,
  )
if (ready(expressServer))
  await check(
    'Express 5: login, requireStepUpExpress, step-up, transfer',
    () => expressDrive(expressServer),
    (text) => text,
  )
if (ready(viteDev))
  await check(
    'Vite dev server with @centagate-kit/emulator/vite + @centagate-kit/server/vite: SMS login',
    () => viteDevDrive(viteDev),
    (text) => text,
  )
if (ready(nextApp) && nodeServer)
  await check(
    'Next.js route handler: SMS login after next build',
    () => nextDrive(nextApp, nodeServer),
    (text) => text,
  )

// Report ----------------------------------------------------------------------------------------
const passed = results.filter((result) => result.ok).length
const failed = results.length - passed
const seconds = (Date.now() - suiteStarted) / 1000
mkdirSync(path.join(repoRoot, 'reports'), { recursive: true })
writeFileSync(
  path.join(repoRoot, 'reports/consumers.json'),
  `${JSON.stringify({ passed, failed, seconds, tarballs: tarballs.map(({ files, ...rest }: Tarball) => ({ ...rest, fileCount: files.length })), checks: results }, null, 2)}\n`,
)
console.log(
  `\nconsumer suite: ${seconds.toFixed(0)} s${withNext ? '' : ' (Next.js fixture skipped: CONSUMERS_NEXT=0)'}`,
)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
