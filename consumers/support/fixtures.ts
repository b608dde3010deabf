// A fixture app as a new user has it: its folder copied out of the repository (so no workspace
// package or node_modules of the repository can be resolved from it), then the kit's packed
// tarballs installed with npm next to the fixture's own pinned dependencies.
import { cpSync, mkdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Tarball } from '../../scripts/packaging/pack-packages'
import { run } from './processes'

export const consumersDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** Where fixtures are installed: outside the repository, emptied on every run. */
export const installRoot = path.join(os.tmpdir(), 'centagate-kit-consumers')

export interface InstalledFixture {
  name: string
  dir: string
  /** `npm run <script>` in the installed copy. */
  npmRun: (script: string, env?: NodeJS.ProcessEnv) => Promise<string>
}

/**
 * Copies `consumers/<fixture>` to `<installRoot>/<as>` and runs `npm install` with the given kit
 * tarballs and `extra` package specs (e.g. other React versions). npm's cache (~/.npm) is shared
 * by every run, and `--prefer-offline` skips revalidating what it already holds.
 */
export async function installFixture(
  fixture: string,
  tarballs: Tarball[],
  kitPackages: string[],
  { as = fixture, extra = [] as string[] } = {},
): Promise<InstalledFixture> {
  const dir = path.join(installRoot, as)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(installRoot, { recursive: true })
  cpSync(path.join(consumersDir, fixture), dir, { recursive: true })
  const files = kitPackages.map((name) => {
    const tarball = tarballs.find((candidate) => candidate.name === name)
    if (!tarball) throw new Error(`no tarball for ${name}`)
    return tarball.file
  })
  await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      ...files,
      ...extra,
    ],
    { cwd: dir, timeoutMs: 600_000 },
  )
  return {
    name: as,
    dir,
    npmRun: (script, env) =>
      run('npm', ['run', '--silent', script], { cwd: dir, ...(env ? { env } : {}) }),
  }
}
